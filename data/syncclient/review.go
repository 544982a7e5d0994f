package syncclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"partneryste/data/wire"
)

// Review sends the coordinator's decision on the practice case id and
// returns the reviewed case as the server stored it. Like every request it
// is retried on network errors and retryable statuses. The server's own
// rejections come back as a *RequestError: ErrForbidden for an
// association's token, ErrRejected for a conflict (409), an unknown case
// (404) or a status the case cannot take (422).
func (c *Client) Review(ctx context.Context, id string, req wire.ReviewRequest) (wire.RecordState, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return wire.RecordState{}, fmt.Errorf("review: encode request: %w", err)
	}
	var state wire.RecordState
	err = c.do(ctx, "review", http.MethodPost, wire.PathReview+id, nil, body, &state)
	return state, err
}
