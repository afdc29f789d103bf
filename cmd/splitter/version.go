package main

import (
	"runtime/debug"
	"strings"
)

// version is the release name, set at build time with -ldflags
// "-X main.version=v1.2.3"; when empty, the module version Go's build info
// records is used ("(devel)" for a build from a checkout).
var version = ""

// versionString is what --version prints after "splitter " and what
// manifests record: the version, then the VCS revision and its date as
// Go's build info stamps them ("v1.2.3 0123456789ab 2026-12-06T21:59:01Z",
// "+modified" for a build with uncommitted changes), or "unknown revision"
// for a build without them (go test, -buildvcs=false).
func versionString() string {
	v := version
	info, ok := debug.ReadBuildInfo()
	if v == "" {
		v = "(devel)"
		if ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	var rev, date, modified string
	if ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				date = s.Value
			case "vcs.modified":
				if s.Value == "true" && !strings.Contains(v, "+dirty") {
					modified = "+modified"
				}
			}
		}
	}
	if rev == "" {
		return v + " unknown revision"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return strings.TrimSpace(v + " " + rev + modified + " " + date)
}
