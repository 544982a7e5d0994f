package main

import (
	"bytes"
	"os"
	"testing"
)

// TestRender_matchesCommittedFile fails when the texts in this package were
// changed without regenerating sample.json, which is what the program embeds.
func TestRender_matchesCommittedFile(t *testing.T) {
	want, err := render()
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	got, err := os.ReadFile("../../sample.json")
	if err != nil {
		t.Fatalf("read committed sample.json: %v", err)
	}

	if !bytes.Equal(got, want) {
		t.Error("data/sample/sample.json is out of date: run go generate ./data/sample")
	}
}

func TestRender_isDeterministic(t *testing.T) {
	first, err := render()
	if err != nil {
		t.Fatalf("first render: %v", err)
	}
	second, err := render()
	if err != nil {
		t.Fatalf("second render: %v", err)
	}

	if !bytes.Equal(first, second) {
		t.Error("two renders gave different bytes")
	}
}
