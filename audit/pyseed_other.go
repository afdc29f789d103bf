//go:build !amd64 || purego

package audit

// pyInit runs init_by_array for pyLanes seeds (see pyInitGo).
func pyInit(s0 *[pyN]uint32, add *[2][pyLanes]uint32, mt *[pyN][pyLanes]uint32) {
	pyInitGo(s0, add, mt)
}
