package terraform

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/vigil-sec/vigil/iac/file"
)

// varied is a top-level stretch with everything that could make a cut
// land inside a construct: heredocs, strings and comments holding braces
// and newlines-looking text, multi-line lists and objects, nested blocks.
func varied(i int) string {
	typ := `output "o%[1]d"`
	if i%4 == 0 {
		typ = `resource "aws_instance" "r%[1]d"`
	}
	return fmt.Sprintf(`# comment { [ (
`+typ+` {
  ami = "ami-%[1]d" // } ] )
  user_data = <<-EOT
    #!/bin/sh
    echo "{ [ ( ${var.x} %%%%{ if true } $${x}"
    }
  EOT
  tags = {
    Name = "r%[1]d}"
    "a" = join(",", [
      "x",
      "y]",
    ])
  }
  /* a block comment
  } } }
  */
  root_block_device {
    encrypted = %[1]d %% 2 == 0
  }
}
locals {
  l%[1]d = { for k, v in { a = 1 } : k => v }
}
`, i)
}

func TestChunkedParseEqualsWholeParse(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 2*chunkSize+chunkSize/4; i++ {
		b.WriteString(varied(i))
	}
	data := []byte(b.String())
	if starts := file.HCLPieces(data, chunkSize); len(starts) < 2 {
		t.Fatalf("the text must be cut: %v", starts)
	}
	whole, wdiags := hclsyntax.ParseConfig(data, "big.tf", hcl.InitialPos)
	pieces, pdiags, warn := parseNative(data, "big.tf")
	if wdiags.HasErrors() || pdiags.HasErrors() || warn != nil {
		t.Fatalf("diagnostics: whole %v, pieces %v, %v", wdiags, pdiags, warn)
	}
	wb, pb := whole.Body.(*hclsyntax.Body), pieces.Body.(*hclsyntax.Body)
	if len(wb.Blocks) != len(pb.Blocks) || wb.SrcRange != pb.SrcRange || wb.EndRange != pb.EndRange {
		t.Fatalf("blocks %d vs %d, ranges %v %v vs %v %v", len(wb.Blocks), len(pb.Blocks), wb.SrcRange, wb.EndRange, pb.SrcRange, pb.EndRange)
	}
	for i, w := range wb.Blocks {
		p := pb.Blocks[i]
		if w.Type != p.Type || !reflect.DeepEqual(w.Labels, p.Labels) || w.Range() != p.Range() || len(w.Body.Attributes) != len(p.Body.Attributes) {
			t.Fatalf("block %d: %s %v %v vs %s %v %v", i, w.Type, w.Labels, w.Range(), p.Type, p.Labels, p.Range())
		}
		for n, a := range w.Body.Attributes {
			if pa := p.Body.Attributes[n]; pa == nil || pa.SrcRange != a.SrcRange {
				t.Fatalf("block %d attribute %s: %v vs %v", i, n, a.SrcRange, pa)
			}
		}
	}
}

func TestResourceBlocksPerFileAreBoundedWhileParsing(t *testing.T) {
	var b strings.Builder
	for i := 0; i < file.MaxResources+2000; i++ {
		fmt.Fprintf(&b, "resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"bucket-%d-%s\"\n}\n", i, i, strings.Repeat("x", 350))
	}
	m, errs := probe(t, map[string]string{"good.tf": goodTF, "many.tf": b.String()})
	wantWarning(t, m, errs, fmt.Sprintf("many.tf:%d: ", 3*file.MaxResources+1), fmt.Sprintf("more than %d resource and data blocks", file.MaxResources))
	if len(m) != file.MaxResources+1 {
		t.Errorf("want %d instances, got %d", file.MaxResources+1, len(m))
	}
}
