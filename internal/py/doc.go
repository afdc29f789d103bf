// Package py holds splitter's one copy of each Python semantic that more
// than one package needs: repr(float) and float(str). Every package that
// renders or reads Python values calls these, so a fix lands everywhere.
package py
