package server

import (
	"errors"
	"testing"
)

// FuzzSeeds are push bodies near the edges of the format: valid, truncated,
// wrong types, nulls, huge numbers and odd records.
var FuzzSeeds = []string{
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"e1","op":"put","base_revision":0,"record":{"title":"Seminaras","type":"seminar","start":"2026-03-11T08:00:00Z","end":"2026-03-11T10:00:00Z"}}]}`,
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"practice","record_id":"p1","op":"put","base_revision":0,"record":{"title":"x","authors":null,"levels":["x"],"review":{"status":"approved"}}}]}`,
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"consultation","record_id":"c1","op":"put","base_revision":0,"record":{"date":"2026-02-30","requester":{"name":"x"}}}]}`,
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"e1","op":"delete","base_revision":9223372036854775807}]}`,
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"e1","op":"put","base_revision":0,"record":[]}]}`,
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"e1","op":"put","base_revision":1e400,"record":{}}]}`,
	`{"changes":null}`,
	`{"changes":[null]}`,
	`{"changes":[{}]}`,
	`[]`,
	`null`,
	``,
	`{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"\u0000","op":"put"}]}`,
	"{\"changes\":[{\"record\":{\"title\":\"\xff\"}}]}",
}

// FuzzDecodePush checks that no body panics the push decoder and that every
// rejection is a 4xx problem.
func FuzzDecodePush(f *testing.F) {
	for _, s := range FuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodePush(body)
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status < 400 || ae.status > 499 {
				t.Fatalf("decodePush error %v is not a 4xx problem", err)
			}
			return
		}
		for _, c := range req.Changes {
			if c.Record != nil {
				_, _, _ = decodeRecord(c.Kind, c.Record)
			}
		}
	})
}

// FuzzDecodeReview checks the review decoder the same way.
func FuzzDecodeReview(f *testing.F) {
	for _, s := range []string{
		`{"status":"approved"}`,
		`{"status":"returned","comment":"x","section_comments":{"goals":"y"},"base_revision":3}`,
		`{"status":"returned","section_comments":{"title":"y"}}`,
		`{"status":"draft"}`, `{"status":null}`, `{}`, `[]`, ``, "{\"status\":\"returned\",\"comment\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if _, err := decodeReview(body); err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status < 400 || ae.status > 499 {
				t.Fatalf("decodeReview error %v is not a 4xx problem", err)
			}
		}
	})
}
