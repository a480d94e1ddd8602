// Package moto runs moto, the independent AWS emulator, on a loopback port
// for collector integration tests. The real SDK clients reach it through
// their endpoint settings, so serialization, pagination and retries run for
// real.
package moto

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Account is moto's default account id.
const Account = "123456789012"

// Server is a running moto.
type Server struct {
	URL string
	cmd *exec.Cmd
}

var (
	shared     *Server
	sharedErr  error
	sharedOnce sync.Once
)

// Start returns the package's shared moto server, reset to an empty state.
// Without python3 and moto the test is skipped with a visible reason,
// except under CI=true, where it fails: CI must not pass by skipping.
func Start(t testing.TB) *Server {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = launch() })
	if sharedErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("moto is required under CI: %v", sharedErr)
		}
		t.Skipf("moto not available (%v); install it with pip install 'moto[server]'", sharedErr)
	}
	if err := shared.Reset(); err != nil {
		t.Fatalf("resetting moto: %v", err)
	}
	return shared
}

func launch() (*Server, error) {
	if _, err := exec.LookPath("python3"); err != nil {
		return nil, err
	}
	if out, err := exec.Command("python3", "-c", "import moto.server").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("python3 cannot import moto.server: %s", strings.TrimSpace(string(out)))
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Env = append(os.Environ(), "MOTO_IAM_LOAD_MANAGED_POLICIES=true", "MOTO_EC2_LOAD_DEFAULT_AMIS=false")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &Server{URL: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(s.URL + "/moto-api/"); err == nil {
			resp.Body.Close()
			return s, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.Stop()
	return nil, fmt.Errorf("moto did not answer on %s within 60s", s.URL)
}

// Reset clears all state.
func (s *Server) Reset() error {
	resp, err := http.Post(s.URL+"/moto-api/reset", "application/json", nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// Stop ends the server.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_, _ = s.cmd.Process.Wait()
	}
}

// StopShared ends the shared server; call it from TestMain after m.Run.
func StopShared() {
	if shared != nil {
		shared.Stop()
	}
}

// Config is an SDK config pointed at the server with static test
// credentials, for seeding.
func (s *Server) Config(t testing.TB, region string) aws.Config {
	t.Helper()
	cfg, err := config.LoadDefaultConfig(context.Background(), s.LoadOptions(region)...)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// LoadOptions point a config at the server.
func (s *Server) LoadOptions(region string) []func(*config.LoadOptions) error {
	return []func(*config.LoadOptions) error{
		config.WithRegion(region),
		config.WithBaseEndpoint(s.URL),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "test-secret", "")),
		config.WithSharedConfigFiles([]string{}),
		config.WithSharedCredentialsFiles([]string{}),
		config.WithAPIOptions([]func(*middleware.Stack) error{PlainRequestBodies}),
	}
}

// PlainRequestBodies hides io.WriterTo from request bodies. The SDK closes
// a body once the answer's headers arrive, and a closed body's WriteTo
// says io.EOF; on loopback net/http can still be making its last copy of
// the body then, takes the EOF for a write error and closes the connection
// under the answer ("use of closed network connection", as in
// aws-sdk-go-v2#2737). The SDK retries that, which for a create call that
// did succeed ends in "already exists".
func PlainRequestBodies(st *middleware.Stack) error {
	return st.Finalize.Add(middleware.FinalizeMiddlewareFunc("vigil-test-plain-body",
		func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
			if req, ok := in.Request.(*smithyhttp.Request); ok {
				if s, ok := req.GetStream().(io.ReadSeeker); ok {
					if _, wt := s.(io.WriterTo); wt {
						r, err := req.SetStream(struct{ io.ReadSeeker }{s})
						if err != nil {
							return middleware.FinalizeOutput{}, middleware.Metadata{}, err
						}
						in.Request = r
					}
				}
			}
			return next.HandleFinalize(ctx, in)
		}), middleware.After)
}
