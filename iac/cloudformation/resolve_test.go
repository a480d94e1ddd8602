package cloudformation

import (
	"reflect"
	"strings"
	"testing"
)

const intrinsicHeader = `Parameters:
  Env: {Type: String, Default: prod}
  NoDefault: {Type: String}
  List: {Type: CommaDelimitedList, Default: "a, b,c"}
  Count: {Type: Number, Default: 3}
Mappings:
  M:
    prod: {Size: 10, Names: [x, y]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: {"Fn::Equals": [{"Ref": "Env"}, "dev"]}
  Unknown: !Equals [!Ref NoDefault, x]
  Both: !And [!Condition IsProd, !Not [!Condition IsDev]]
  Either: !Or [!Condition IsDev, {Condition: Unknown}]
  AnyTrue: !Or [!Condition Unknown, !Condition IsProd]
  NumEq: !Equals [!Ref Count, 3]
Resources:
  B: {Type: AWS::S3::Bucket}
  X:
    Type: Test::Value
    Properties:
      Value: `

// resolveValue parses a template whose resource X has Properties.Value =
// expr and returns the resolved value (absent: nil, false).
func resolveValue(t *testing.T, expr string, params map[string]string) (any, bool, []error) {
	t.Helper()
	root, err := decode([]byte(intrinsicHeader + expr + "\n"))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	tp := newTemplate("t.yaml", root, params)
	tp.load()
	v, ok := tp.resources["X"].props["Value"]
	return v, ok, tp.errs
}

func TestIntrinsics(t *testing.T) {
	tests := []struct {
		name   string
		expr   string
		params map[string]string
		want   any // unknown for unknown values
		absent bool
	}{
		{name: "ref param default", expr: "!Ref Env", want: "prod"},
		{name: "ref param override", expr: "!Ref Env", params: map[string]string{"Env": "dev"}, want: "dev"},
		{name: "ref long form", expr: `{"Ref": "Env"}`, want: "prod"},
		{name: "ref param without default", expr: "!Ref NoDefault", want: unknown},
		{name: "ref param supplied", expr: "!Ref NoDefault", params: map[string]string{"NoDefault": "v"}, want: "v"},
		{name: "ref list param", expr: "!Ref List", want: []any{"a", "b", "c"}},
		{name: "ref resource", expr: "!Ref B", want: "B"},
		{name: "ref pseudo", expr: "!Ref AWS::Partition", want: "aws"},
		{name: "ref pseudo override", expr: "!Ref AWS::Region", params: map[string]string{"AWS::Region": "eu-west-3"}, want: "eu-west-3"},
		{name: "getatt dotted", expr: "!GetAtt B.Arn", want: "B.Arn"},
		{name: "getatt list", expr: "!GetAtt [B, Arn]", want: "B.Arn"},
		{name: "getatt long", expr: `{"Fn::GetAtt": ["B", "DomainName"]}`, want: "B.DomainName"},
		{name: "sub param", expr: `!Sub "${Env}-x"`, want: "prod-x"},
		{name: "sub resource attr literal", expr: `!Sub "${B}/${B.Arn}/${!Literal}"`, want: "B/B.Arn/${Literal}"},
		{name: "sub vars", expr: `!Sub ["${A}-${Env}", {A: !Ref B}]`, want: "B-prod"},
		{name: "sub pseudo", expr: `!Sub "arn:${AWS::Partition}:s3:::x"`, want: "arn:aws:s3:::x"},
		{name: "sub unknown", expr: `!Sub "${NoDefault}-x"`, want: unknown},
		{name: "sub long", expr: `{"Fn::Sub": "${AWS::Region}"}`, params: map[string]string{"AWS::Region": "eu-west-1"}, want: "eu-west-1"},
		{name: "if true", expr: "!If [IsProd, a, b]", want: "a"},
		{name: "if false", expr: "!If [IsDev, a, b]", want: "b"},
		{name: "if override", expr: "!If [IsDev, a, b]", params: map[string]string{"Env": "dev"}, want: "a"},
		{name: "if unknown", expr: "!If [Unknown, a, b]", want: unknown},
		{name: "if and/not", expr: "!If [Both, a, b]", want: "a"},
		{name: "if or with unknown", expr: "!If [Either, a, b]", want: unknown},
		{name: "if or short-circuits", expr: "!If [AnyTrue, a, b]", want: "a"},
		{name: "if number equals", expr: "!If [NumEq, a, b]", want: "a"},
		{name: "if long", expr: `{"Fn::If": ["IsProd", 1, 2]}`, want: 1},
		{name: "if novalue", expr: "!If [IsProd, !Ref AWS::NoValue, x]", absent: true},
		{name: "join", expr: `!Join ["-", [a, !Ref Env]]`, want: "a-prod"},
		{name: "join list param", expr: `!Join [",", !Ref List]`, want: "a,b,c"},
		{name: "join unknown", expr: `!Join ["", [a, !Ref NoDefault]]`, want: unknown},
		{name: "join long", expr: `{"Fn::Join": ["", ["a", "b"]]}`, want: "ab"},
		{name: "select", expr: "!Select [1, !Ref List]", want: "b"},
		{name: "select split", expr: `!Select [1, !Split [",", "x,y"]]`, want: "y"},
		{name: "select getazs", expr: `!Select [0, !GetAZs ""]`, want: unknown},
		{name: "split", expr: `!Split ["|", "a|b"]`, want: []any{"a", "b"}},
		{name: "findinmap", expr: "!FindInMap [M, !Ref Env, Size]", want: 10},
		{name: "findinmap list", expr: "!FindInMap [M, prod, Names]", want: []any{"x", "y"}},
		{name: "base64", expr: "!Base64 hello", want: "hello"},
		{name: "importvalue", expr: "!ImportValue shared-vpc", want: unknown},
		{name: "cidr", expr: `!Cidr ["10.0.0.0/16", 4, 8]`, want: unknown},
		{name: "novalue in list", expr: "[a, !Ref AWS::NoValue, b]", want: []any{"a", "b"}},
		{name: "novalue in map", expr: "{K: !Ref AWS::NoValue, L: 1}", want: map[string]any{"L": 1}},
		{name: "novalue property", expr: "!Ref AWS::NoValue", absent: true},
		{name: "nested unknown stays local", expr: "{A: !Ref NoDefault, B: x}", want: map[string]any{"A": unknown, "B": "x"}},
		{name: "scalars", expr: "[true, 1, 1.5, text, '1']", want: []any{true, 1, 1.5, "text", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, errs := resolveValue(t, tt.expr, tt.params)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if tt.absent {
				if ok {
					t.Fatalf("Value = %#v, want absent", got)
				}
				return
			}
			if !ok {
				t.Fatalf("Value absent, want %#v", tt.want)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Value = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestIntrinsicErrors(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"!Ref Nope", `t.yaml:22: Ref to undefined parameter or resource "Nope"`},
		{"!GetAtt Nope.Arn", `Fn::GetAtt of undefined resource "Nope"`},
		{"!Select [5, [a]]", "Fn::Select index 5 out of range"},
		{"!FindInMap [M, dev, Size]", "Fn::FindInMap: no M/dev/Size in Mappings"},
		{"!If [Nope, a, b]", `undefined condition "Nope"`},
		{"!Frobnicate x", "unsupported intrinsic function Fn::Frobnicate"},
		{`!Sub "${Nope.Arn}"`, "names no resource"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, _, errs := resolveValue(t, tt.expr, nil)
			if !isUnknown(got) {
				t.Errorf("Value = %#v, want unknown", got)
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Fatalf("errors = %v, want one containing %q", errs, tt.want)
			}
		})
	}
}
