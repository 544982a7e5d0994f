package main

// consultations returns the consultation log for 2026-09 … 2026-12.
func consultations() []consultation {
	return []consultation{}
}
