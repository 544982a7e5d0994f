// Command partneryste is the desktop program of the Lithuanian teachers'
// associations' partnership network. Run it with -h for its flags.
package main

import (
	"os"

	// The program embeds the time zone database so that Europe/Vilnius
	// loads on Windows machines that have none.
	_ "time/tzdata"

	"partneryste/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:]))
}
