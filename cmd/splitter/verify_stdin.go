package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
)

// inputArg reads verify's --input PATH (or --input=PATH) at the start of
// args into *input and returns how many arguments it took (0: none).
func inputArg(args []string, input *string) int {
	if v, ok := strings.CutPrefix(args[0], "--input="); ok {
		*input = v
		return 1
	}
	if args[0] == "--input" && len(args) > 1 {
		*input = args[1]
		return 2
	}
	return 0
}

// manifestInput is the data verify re-reads for the manifest at path:
// --input PATH when given, else the recorded input. A run on standard
// input ("-") needs --input.
func manifestInput(path string, m *audit.Manifest, o verifyOptions) (string, error) {
	if o.input != "" {
		return o.input, nil
	}
	if m.Input.Path == stdinPath {
		return "", fmt.Errorf("%s: the input was standard input: give the same bytes again with verify --input PATH %s", safeName(path), safeName(path))
	}
	return audit.ResolveField(path, m, "input.path", m.Input.Path, o.allowAbsolute)
}

// replayedInput is how the recipe re-reads input: as the file itself, or,
// for a run on standard input, as "-" with the file for stdin (sniffed
// again as the run sniffed it). The caller closes the file.
func replayedInput(m *audit.Manifest, input string) (string, *os.File, error) {
	if m.Input.Path != stdinPath {
		return input, nil, nil
	}
	f, err := rows.OpenRegular(input)
	if err != nil {
		return "", nil, err
	}
	return stdinPath, f, nil
}
