package boltstore

// isUnsupportedSync reports true for every error, because Windows cannot
// sync a folder and a rename there is durable once it returns.
func isUnsupportedSync(error) bool { return true }
