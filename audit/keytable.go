package audit

import "math/bits"

// keyTable maps row keys to content ids: open addressing with linear
// probing on the key's first word (already a uniform hash), which keeps a
// million lookups within a few cache lines each.
type keyTable struct {
	slots []int32 // content id + 1; 0 is empty
	keys  []rowKey
	shift uint
}

func newKeyTable(n int) *keyTable {
	size := 1 << bits.Len(uint(2*n+1))
	return &keyTable{slots: make([]int32, size), keys: make([]rowKey, 0, n), shift: uint(64 - bits.Len(uint(size-1)))}
}

// find returns the slot of key: the one holding it, or the empty one
// where it would go.
func (t *keyTable) find(key rowKey) int {
	mask := len(t.slots) - 1
	i := int(key[0] >> t.shift)
	for {
		s := t.slots[i]
		if s == 0 || t.keys[s-1] == key {
			return i
		}
		i = (i + 1) & mask
	}
}

// add returns key's id, giving it the next one when new.
func (t *keyTable) add(key rowKey) (id int32, added bool) {
	i := t.find(key)
	if s := t.slots[i]; s != 0 {
		return s - 1, false
	}
	t.keys = append(t.keys, key)
	t.slots[i] = int32(len(t.keys))
	return int32(len(t.keys) - 1), true
}

// get returns key's id, or -1.
func (t *keyTable) get(key rowKey) int32 {
	return t.slots[t.find(key)] - 1
}
