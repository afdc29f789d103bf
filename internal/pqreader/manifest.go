package pqreader

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// SchemaField is pqarrow.SchemaField: the Arrow field of a Parquet schema
// node, its children, its leaf column index and its definition/repetition
// level info. As in pqarrow, ColIndex is set only on leaves: a group keeps
// the zero value 0 (pqarrow's doc says -1, its code leaves 0); tell a group
// by its Children.
type SchemaField struct {
	Field     *arrow.Field
	Children  []SchemaField
	ColIndex  int
	LevelInfo file.LevelInfo
}

// IsLeaf is pqarrow's SchemaField.IsLeaf: ColIndex != -1.
func (s *SchemaField) IsLeaf() bool { return s.ColIndex != -1 }

// SchemaManifest is the part of pqarrow.SchemaManifest that reading needs:
// one SchemaField per top-level field of the Parquet schema, and the Arrow
// schema stored under ARROW:schema (nil when absent or not matching).
type SchemaManifest struct {
	Fields       []SchemaField
	OriginSchema *arrow.Schema
}

// NewSchemaManifest builds the manifest pqarrow.NewSchemaManifest(sc, kv,
// &pqarrow.ArrowReadProperties{}) builds: the same fields, types, column
// indices and level infos, with the types restored from ARROW:schema.
func NewSchemaManifest(sc *schema.Schema, kv metadata.KeyValueMetadata) (*SchemaManifest, error) {
	origin, err := originSchema(kv)
	if err != nil {
		return nil, err
	}
	root := sc.Root()
	if origin != nil && origin.NumFields() != root.NumFields() {
		origin = nil
	}
	m := &SchemaManifest{Fields: make([]SchemaField, root.NumFields()), OriginSchema: origin}
	c := converter{sc}
	for i := range m.Fields {
		if err := c.node(root.Field(i), file.LevelInfo{NullSlotUsage: 1}, &m.Fields[i]); err != nil {
			return nil, fmt.Errorf("field %d: %w", i, err)
		}
		if origin != nil {
			if _, err := restore(origin.Field(i), &m.Fields[i]); err != nil {
				return nil, fmt.Errorf("field %d: %w", i, err)
			}
		}
	}
	return m, nil
}

// arrowSchema is pqarrow.FromParquet's result for the manifest: its fields,
// with the metadata of the stored Arrow schema when there is one.
func (m *SchemaManifest) arrowSchema() *arrow.Schema {
	fields := make([]arrow.Field, len(m.Fields))
	for i, f := range m.Fields {
		fields[i] = *f.Field
	}
	if m.OriginSchema == nil {
		return arrow.NewSchema(fields, nil)
	}
	meta := m.OriginSchema.Metadata()
	return arrow.NewSchema(fields, &meta)
}
