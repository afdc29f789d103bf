package py

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Repr is Python's repr(s) of a str: single quotes unless s holds a single
// quote and no double quote; backslash, quote, \n, \r, \t escaped;
// other non-printable characters as \xNN, \uNNNN or \UNNNNNNNN. (Python's
// printable set is its own Unicode database's; unicode.IsPrint is Go's,
// which differs for a few recent code points.) Invalid UTF-8 bytes, which
// a Python str cannot hold, are written as \xNN.
func Repr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i-size])
		case r < 0x100 && !printable(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case !printable(r) && r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		case !printable(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// printable is Python's str.isprintable for one character, with a space
// printable.
func printable(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r < 0x7f
	}
	return unicode.IsPrint(r)
}
