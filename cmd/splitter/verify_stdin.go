package main

import "strings"

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
