package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// ErrIDList is an ID list that cannot be read or names no data row.
var ErrIDList = errors.New("bad ID list")

// ReadIDList reads an ID list: a JSON list (numbers or strings, as
// json.dump(list(ids)) writes it) or one id per line (blank lines
// skipped, spaces around an id dropped). Ids are returned as their text.
func ReadIDList(name string, b []byte) ([]string, error) {
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if bytes.HasPrefix(t, []byte("[")) {
		var raw []json.RawMessage
		if err := json.Unmarshal(t, &raw); err != nil {
			return nil, fmt.Errorf("%s: %w: not a JSON list", name, ErrIDList)
		}
		out := make([]string, len(raw))
		for i, r := range raw {
			var s string
			if json.Unmarshal(r, &s) != nil {
				s = string(bytes.TrimSpace(r))
			}
			out[i] = s
		}
		return out, nil
	}
	var out []string
	for _, l := range bytes.Split(t, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			out = append(out, string(l))
		}
	}
	return out, nil
}

// IDPositions maps ids to data rows: with key "", ids are 0-based row
// positions (df.index of a RangeIndex, as list(train.index) writes
// them); otherwise values of the data's column key, which must name each
// row once (an id is compared as pandas reads the column: "7" matches 7
// and 7.0).
func IDPositions(name string, data Table, key string, ids []string) ([]int, error) {
	n := data.Len()
	out := make([]int, len(ids))
	if key == "" {
		for i, s := range ids {
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil || v < 0 || v >= int64(n) {
				return nil, fmt.Errorf("%s: id %d: %w: not a row position 0..%d (give --key COL for ids of a column)", name, i+1, ErrIDList, n-1)
			}
			out[i] = int(v)
		}
		return out, nil
	}
	c, err := data.Column(key)
	if err != nil {
		return nil, err
	}
	k := newKeyer()
	keys := make([]rowKey, n)
	k.addColumn(keys, c, true)
	t := newKeyTable(n)
	for r, key := range keys {
		if _, added := t.add(key); !added {
			return nil, fmt.Errorf("%s: %w: column %q holds a value twice (row %d)", name, ErrKeyColumn, c.Name, r+1)
		}
	}
	for i, s := range ids {
		var key rowKey
		a, b := k.coerced(s)
		key.fold(a, b)
		id := t.get(key)
		if id < 0 {
			return nil, fmt.Errorf("%s: id %d: %w: no row of the data has this %s", name, i+1, ErrIDList, c.Name)
		}
		out[i] = int(id)
	}
	return out, nil
}
