package policy

import (
	"context"
	"testing"
)

// BenchmarkNew measures building an engine with every built-in rule.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
