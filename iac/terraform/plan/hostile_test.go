package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/iac/file"
)

func TestDeepPlanIsRefused(t *testing.T) {
	data := "{\"format_version\": \"1.2\",\n\"planned_values\": {\"root_module\": {\"resources\": [{\"address\": \"a.b\", \"values\": {\"x\":\n" +
		strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}}]}}}"
	insts, err := Parse("p.json", []byte(data))
	if len(insts) != 0 || err == nil || !strings.HasPrefix(err.Error(), "p.json:3: nesting deeper than") {
		t.Errorf("got %v, %v", insts, err)
	}
	if _, err := Parse("p.json", []byte("{\"planned_values\": \x00}")); err == nil || !strings.Contains(err.Error(), "not a text file") {
		t.Errorf("binary: %v", err)
	}
}

func TestResourcesPerPlanAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "planned_values": {"root_module": {"resources": [`)
	for i := 0; i < file.MaxResources+3; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n{\"address\": \"aws_sqs_queue.q%d\", \"mode\": \"managed\", \"type\": \"aws_sqs_queue\", \"name\": \"q%d\", \"values\": {}}", i, i)
	}
	b.WriteString("\n]}}}")
	insts, err := Parse("p.json", []byte(b.String()))
	if len(insts) != file.MaxResources {
		t.Errorf("instances: %d", len(insts))
	}
	if err == nil || !strings.Contains(err.Error(), "more than 5000 resources in this plan") {
		t.Errorf("warning: %v", err)
	}
}
