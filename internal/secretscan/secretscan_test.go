package secretscan

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/vigil-sec/vigil/model"
)

// Planted secrets: shaped like real ones, valid nowhere.
const (
	awsKeyID  = "AKIAZ7VRSQ5TLWJRXQ4M"
	githubPAT = "ghp_4eK9aQ2mZ7xP1rT8vW3nB6cY0dF5gH2jL9sR"
	slackBot  = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
)

const script = "#!/bin/bash\nyum install -y nginx\nexport AWS_ACCESS_KEY_ID=" + awsKeyID + "\nsystemctl start nginx\n"

func TestUserDataFindsAndLocates(t *testing.T) {
	fs, err := UserData(script)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.SecretFinding{{Kind: "aws-access-token", Location: "user data line 3"}}
	if !equal(fs, want) {
		t.Fatalf("findings %v, want %v", fs, want)
	}
	noValue(t, fs, awsKeyID)
}

func TestUserDataBase64AndGzip(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString([]byte(script))
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(script))
	zw.Close()
	gz := base64.StdEncoding.EncodeToString(z.Bytes())
	for name, in := range map[string]string{"base64": b64, "gzip": gz} {
		fs, err := UserDataBase64(in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(fs) != 1 || fs[0].Kind != "aws-access-token" || fs[0].Location != "user data line 3" {
			t.Errorf("%s: findings %v", name, fs)
		}
	}
	if _, err := UserDataBase64("not base64!"); err == nil {
		t.Error("text that is not base64 must not scan as clean")
	}
	bad := base64.StdEncoding.EncodeToString([]byte{0x1f, 0x8b, 0x08, 0, 1, 2})
	if _, err := UserDataBase64(bad); err == nil {
		t.Error("broken gzip must not scan as clean")
	}
}

func TestCleanTextHasNoFindings(t *testing.T) {
	for _, text := range []string{
		"#!/bin/bash\nyum update -y\naws s3 cp s3://bucket/app.tar.gz /opt/\n",
		"#cloud-config\npackages: [nginx]\n",
		"",
	} {
		fs, err := UserData(text)
		if err != nil || fs == nil || len(fs) != 0 {
			t.Errorf("%q: findings %v, %v", text, fs, err)
		}
	}
}

func TestVariables(t *testing.T) {
	fs, err := Variables("environment variable", map[string]string{
		"LOG_LEVEL":    "info",
		"GITHUB_TOKEN": githubPAT,
		"SLACK":        slackBot,
		"TABLE":        "orders",
		"EMPTY":        "",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.SecretFinding{
		{Kind: "github-pat", Location: "environment variable GITHUB_TOKEN"},
		{Kind: "slack-bot-token", Location: "environment variable SLACK"},
	}
	if !equal(fs, want) {
		t.Fatalf("findings %v, want %v", fs, want)
	}
	noValue(t, fs, githubPAT, slackBot)
}

func TestTooLarge(t *testing.T) {
	if _, err := Text("x", strings.Repeat("a", MaxText+1)); err == nil {
		t.Error("a text over MaxText must not scan as clean")
	}
}

func equal(a, b []model.SecretFinding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func noValue(t *testing.T, fs []model.SecretFinding, values ...string) {
	t.Helper()
	b, _ := json.Marshal(fs)
	for _, v := range values {
		if strings.Contains(string(b), v) {
			t.Errorf("findings carry the secret %q", v)
		}
	}
}

func TestUserDataAny(t *testing.T) {
	for _, in := range []string{script, base64.StdEncoding.EncodeToString([]byte(script))} {
		fs, err := UserDataAny(in)
		if err != nil || len(fs) != 1 || fs[0].Location != "user data line 3" {
			t.Errorf("%.20q: %v %v", in, fs, err)
		}
	}
}
