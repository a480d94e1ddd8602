package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGolden(t *testing.T) {
	cases := []struct {
		file   string
		format string
		opt    Options
	}{
		{"json.json", "json", Options{}},
		{"json-passed.json", "json", Options{IncludePassed: true}},
		{"table.txt", "table", Options{}},
		{"table-color.txt", "table", Options{Color: true}},
		{"table-details.txt", "table", Options{Details: true, IncludePassed: true, Width: 60}},
		{"sarif.sarif", "sarif", Options{}},
		{"junit.xml", "junit", Options{}},
		{"csv.csv", "csv", Options{}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, c.format, fixture(), c.opt); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", c.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from golden file; got:\n%s", c.file, buf.String())
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "pdf", fixture(), Options{})
	if err == nil {
		t.Fatal("want error for unknown format")
	}
}

func TestFormats(t *testing.T) {
	got := Formats()
	want := []string{"csv", "json", "junit", "sarif", "table"}
	if len(got) != len(want) {
		t.Fatalf("Formats() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Formats() = %v, want %v", got, want)
		}
	}
}
