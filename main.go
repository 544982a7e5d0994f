package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "go.etcd.io/bbolt"
)

func main() {}
