package py

import (
	"fmt"
	"strconv"
)

// Str is Python's str(v) for a value a pandas column holds: int64,
// uint64, float64 (repr, "nan" for a missing value), bool ("True",
// "False") or string.
func Str(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return FloatRepr(x)
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return x
	}
	return fmt.Sprint(v)
}
