package wire_test

import (
	"encoding/json"
	"testing"

	"partneryste/data/wire"
)

// The JSON names are the protocol's contract with clients already in use,
// so a renamed field must fail here before it ships.

func TestChange_jsonNames(t *testing.T) {
	c := wire.PushRequest{Changes: []wire.Change{{
		ChangeID: "6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a", Kind: "event", RecordID: "e1",
		Op: wire.OpDelete, BaseRevision: 3,
	}}}
	got, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"changes":[{"change_id":"6f1c6f3e-7a51-4c1e-9a7e-0c7c1d1e2f3a","kind":"event","record_id":"e1","op":"delete","base_revision":3}]}`
	if string(got) != want {
		t.Errorf("push request JSON =\n%s\nwant\n%s", got, want)
	}
}

func TestResult_jsonNames(t *testing.T) {
	r := wire.Result{ChangeID: "c", Status: wire.StatusConflict, Revision: 2, Current: json.RawMessage(`{"id":"e1"}`)}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"change_id":"c","status":409,"revision":2,"current":{"id":"e1"}}`
	if string(got) != want {
		t.Errorf("result JSON = %s, want %s", got, want)
	}
}

func TestPullResponse_jsonNames(t *testing.T) {
	p := wire.PullResponse{Records: []wire.RecordState{{Kind: "event", RecordID: "e1", Revision: 4, Deleted: true}}, NextCursor: "17", More: true}
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"records":[{"kind":"event","record_id":"e1","revision":4,"deleted":true}],"next_cursor":"17","more":true}`
	if string(got) != want {
		t.Errorf("pull response JSON = %s, want %s", got, want)
	}
}

func TestProblem_Error(t *testing.T) {
	p := &wire.Problem{Title: "Conflict", Detail: "the case changed"}
	if got := p.Error(); got != "Conflict: the case changed" {
		t.Errorf("Error() = %q", got)
	}
	if got := (&wire.Problem{Title: "Not Found"}).Error(); got != "Not Found" {
		t.Errorf("Error() without detail = %q", got)
	}
}
