package iac

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// unjudged indexes a load's Unjudged by "what source name".
func unjudged(r *Result) map[string]model.Unjudged {
	out := map[string]model.Unjudged{}
	for _, u := range r.Unjudged {
		out[u.What+" "+u.Source+" "+u.Name] = u
	}
	return out
}

func wantUnjudged(t *testing.T, got map[string]model.Unjudged, key string, count int, file string) {
	t.Helper()
	u, ok := got[key]
	if !ok {
		t.Errorf("%s not counted; counted: %v", key, got)
		return
	}
	if u.Count != count || len(u.Files) == 0 || u.Files[0] != file {
		t.Errorf("%s: count %d files %v, want %d in %s", key, u.Count, u.Files, count, file)
	}
}

// A Terraform tree of Azure and Google resources scanned as zero resources
// with no word; now each type is counted per instance (count expanded),
// in HCL and in plan JSON alike. Data sources, mapped types, and providers
// that create nothing in a cloud (random) are not counted.
func TestUnmappedTerraformTypesAreCounted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), bucketTF+`
resource "azurerm_storage_account" "a" {
  count = 3
  name  = "a${count.index}"
}
resource "google_storage_bucket" "b" {
  name = "b"
}
resource "random_id" "r" {
  byte_length = 4
}
data "azurerm_client_config" "c" {}
`)
	write(t, filepath.Join(dir, "plan", "plan.json"), `{"format_version": "1.2", "terraform_version": "1.6.0",
 "planned_values": {"root_module": {"resources": [
  {"address": "google_compute_instance.vm", "mode": "managed", "type": "google_compute_instance", "name": "vm", "values": {}},
  {"address": "google_compute_instance.vm2", "mode": "managed", "type": "google_compute_instance", "name": "vm2", "values": {}}
 ]}}}`)
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if errorsText(r) != "" {
		t.Fatalf("unexpected errors:\n%s", errorsText(r))
	}
	got := unjudged(r)
	wantUnjudged(t, got, "resource_type terraform azurerm_storage_account", 3, "main.tf")
	wantUnjudged(t, got, "resource_type terraform google_storage_bucket", 1, "main.tf")
	wantUnjudged(t, got, "resource_type terraform-plan google_compute_instance", 2, "plan/plan.json")
	if len(got) != 3 {
		t.Errorf("only the unmapped cloud types count, got %v", got)
	}
	if kinds(r)["aws.s3.bucket"] != 1 {
		t.Errorf("the mapped bucket is still judged: %v", kinds(r))
	}
	if r.Unjudged[0].Name != "azurerm_storage_account" {
		t.Errorf("the largest count comes first: %v", r.Unjudged)
	}
}

// A module whose source is not on disk is counted (by its source, per
// call) and still reported where it is called.
func TestMissingModulesAreCounted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), bucketTF+`
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
module "vpc2" {
  source = "terraform-aws-modules/vpc/aws"
}
module "net" {
  source = "./modules/net"
}
`)
	write(t, filepath.Join(dir, "modules", "present", "main.tf"), bucketTF)
	r := Load(context.Background(), dir, []string{dir}, Options{})
	got := unjudged(r)
	wantUnjudged(t, got, "module terraform terraform-aws-modules/vpc/aws", 2, "main.tf")
	wantUnjudged(t, got, "module terraform ./modules/net", 1, "main.tf")
	if len(got) != 2 {
		t.Errorf("counted %v", got)
	}
	if n := strings.Count(errorsText(r), "not found locally (run terraform init)"); n != 3 {
		t.Errorf("each missing call stays an error at its line, got %d:\n%s", n, errorsText(r))
	}
}

// Helm charts, loose Helm templates and kustomizations are counted as not
// rendered, once per directory, and are not misread as manifests (no
// parse errors from template syntax). A CloudFormation template in a
// templates/ directory with a {{resolve:...}} reference is still read.
func TestChartsAreCountedAsNotRendered(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "charts", "web", "Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n")
	write(t, filepath.Join(dir, "charts", "web", "templates", "a.yaml"), "kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n")
	write(t, filepath.Join(dir, "charts", "web", "templates", "b.yaml"), "kind: Service\n")
	write(t, filepath.Join(dir, "loose", "templates", "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n")
	write(t, filepath.Join(dir, "loose", "templates", "svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n")
	write(t, filepath.Join(dir, "overlays", "prod", "kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n")
	write(t, filepath.Join(dir, "cfn", "templates", "q.yaml"), `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: '{{resolve:ssm:/queue/name}}'
`)
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if errorsText(r) != "" {
		t.Fatalf("templates must not be parsed as manifests:\n%s", errorsText(r))
	}
	got := unjudged(r)
	wantUnjudged(t, got, "chart helm charts/web", 1, "charts/web/Chart.yaml")
	wantUnjudged(t, got, "chart helm loose", 1, "loose/templates/pod.yaml")
	wantUnjudged(t, got, "chart kustomize overlays/prod", 1, "overlays/prod/kustomization.yaml")
	if len(got) != 3 {
		t.Errorf("counted %v", got)
	}
	if k := kinds(r); k["aws.sqs.queue"] != 1 || len(r.Resources) != 1 {
		t.Errorf("the CloudFormation template is read, nothing else: %v", k)
	}
}

// CloudFormation types and Kubernetes kinds Vigil does not map are counted
// per type (a kind of another API group is named with it); resources a
// false Condition leaves out are not deployed and not counted.
func TestUnmappedCloudFormationAndKubernetesAreCounted(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "stack.yaml"), `AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  Never: !Equals [a, b]
Resources:
  Q:
    Type: AWS::SQS::Queue
  W1:
    Type: AWS::CloudFormation::WaitConditionHandle
  W2:
    Type: AWS::CloudFormation::WaitConditionHandle
  Gone:
    Type: AWS::Foo::Bar
    Condition: Never
`)
	write(t, filepath.Join(dir, "app.yaml"), `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: knative}
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: d}
- apiVersion: v1
  kind: Service
  metadata: {name: s}
`)
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if errorsText(r) != "" {
		t.Fatalf("unexpected errors:\n%s", errorsText(r))
	}
	got := unjudged(r)
	wantUnjudged(t, got, "resource_type cloudformation AWS::CloudFormation::WaitConditionHandle", 2, "stack.yaml")
	wantUnjudged(t, got, "resource_type kubernetes ConfigMap", 2, "app.yaml")
	wantUnjudged(t, got, "resource_type kubernetes serving.knative.dev/Service", 1, "app.yaml")
	if len(got) != 3 {
		t.Errorf("counted %v", got)
	}
	if k := kinds(r); k["aws.sqs.queue"] != 1 || k["kubernetes.service"] != 1 {
		t.Errorf("mapped resources: %v", k)
	}
}

// A tree naming endless distinct types cannot grow the report without
// bound: past the cap the rest count together.
func TestUnjudgedIsBounded(t *testing.T) {
	var b strings.Builder
	n := model.MaxUnjudgedNames + 20
	for i := range n {
		fmt.Fprintf(&b, "resource \"acme_thing%d\" \"x\" {}\n", i)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "main.tf"), b.String())
	r := Load(context.Background(), dir, []string{dir}, Options{})
	if len(r.Unjudged) != model.MaxUnjudgedNames+1 {
		t.Fatalf("%d entries, want %d and one for the rest", len(r.Unjudged), model.MaxUnjudgedNames+1)
	}
	total := 0
	for _, u := range r.Unjudged {
		total += u.Count
		if u.Name == model.UnjudgedOther && u.Count != 20 {
			t.Errorf("the rest: %+v", u)
		}
	}
	if total != n {
		t.Errorf("counted %d resources of %d", total, n)
	}
}
