package server

// PushFuzzSeeds shares the push fuzz seeds with the external tests.
var PushFuzzSeeds = FuzzSeeds
