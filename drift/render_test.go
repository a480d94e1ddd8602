package drift

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// hostileDiff carries cloud text that would drive a terminal (ESC, CSI),
// reorder a line (bidi override) or inject Markdown (a link, a table cell
// end, HTML).
func hostileDiff() *Diff {
	evil := "x\x1b[31mred\u202e|[click](http://evil)<img src=x>"
	b, a := bucket(evil, true, map[string]string{"t": evil}), bucket(evil, false, map[string]string{"t": "ok"})
	return &Diff{
		Before:    SnapshotInfo{ID: "s1"},
		After:     SnapshotInfo{ID: "s2"},
		Resources: Resources([]*model.Resource{b}, []*model.Resource{a, bucket("new\x07", true, nil)}, nil),
		Findings:  Findings(nil, []model.Finding{finding("S3-1", evil, model.StatusFail)}, FindingOptions{}),
	}
}

func TestWriteDiffEscapesCloudText(t *testing.T) {
	d := hostileDiff()
	for _, f := range Formats {
		var buf bytes.Buffer
		if err := WriteDiff(&buf, f, d); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%s: raw control or bidi character in output:\n%q", f, out)
		}
		switch f {
		case "markdown":
			// Every character that could open markup is escaped.
			for i := 0; i < len(out); i++ {
				if strings.IndexByte("[]()<>|`", out[i]) >= 0 && (i == 0 || out[i-1] != '\\') {
					t.Errorf("markdown: unescaped %q at %d:\n%s", out[i], i, out)
					break
				}
			}
		case "json":
			var back Diff
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatalf("json: %v", err)
			}
			if back.Resources.Changed[0].Resource.Name != d.Resources.Changed[0].Resource.Name {
				t.Errorf("json does not round-trip the name: %q", back.Resources.Changed[0].Resource.Name)
			}
		}
	}
	if err := WriteDiff(&bytes.Buffer{}, "yaml", d); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestWriteDiffTable(t *testing.T) {
	var buf bytes.Buffer
	d := &Diff{Before: SnapshotInfo{ID: "s1"}, After: SnapshotInfo{ID: "s2"},
		Resources: Resources([]*model.Resource{bucket("a", true, nil), bucket("gone", true, nil)}, []*model.Resource{bucket("a", false, nil)}, nil)}
	if err := WriteDiff(&buf, "table", d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Resources: 0 added, 1 removed, 1 changed, 0 unread, 0 unchanged",
		"  - aws.s3.bucket arn:aws:s3:::gone (111111111111/us-east-1)",
		"  ~ aws.s3.bucket arn:aws:s3:::a",
		"      attributes.public_access_block.block_public_acls: true -> false",
		"Findings: 0 new, 0 resolved, 0 reopened, 0 stale, 0 still failing",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestWriteStateDrift(t *testing.T) {
	d := &StateDrift{State: "prod.tfstate",
		Changed:     []ResourceChange{{Resource: bucket("a", false, nil).Ref(), Address: "aws_s3_bucket.a", Changes: []Change{{Path: "tags.x", New: "y"}}}},
		Missing:     []ManagedRef{{Address: "aws_security_group.old", Resource: model.ResourceRef{ID: "sg-arn", Kind: "aws.ec2.security_group"}}},
		Unmanaged:   []model.ResourceRef{bucket("shadow", true, nil).Ref()},
		InSync:      3,
		Unsupported: []Unsupported{{Type: "aws_route53_zone", Instances: 2, Reason: reasonNoMapping}},
	}
	for format, wants := range map[string][]string{
		"table": {"1 changed, 1 missing, 0 unread, 1 unmanaged, 3 in sync", "aws_s3_bucket.a aws.s3.bucket", `tags.x: (absent) -> "y"`,
			"x aws_security_group.old", "! aws.s3.bucket arn:aws:s3:::shadow", "aws_route53_zone: 2 instance(s)"},
		"markdown": {"### Changed in the cloud", "- **missing** aws\\_security\\_group\\.old", "- **unmanaged** aws\\.s3\\.bucket"},
	} {
		var buf bytes.Buffer
		if err := WriteStateDrift(&buf, format, d); err != nil {
			t.Fatal(err)
		}
		for _, w := range wants {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s lacks %q:\n%s", format, w, buf.String())
			}
		}
	}
}
