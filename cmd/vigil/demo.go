package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/spf13/cobra"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	awsdemo "github.com/vigil-sec/vigil/examples/aws-demo"
	"github.com/vigil-sec/vigil/internal/testcloud/aws"
)

// startDemo serves the demo world on loopback and points the collector at
// it: the management account's keys, the organization's accounts through
// the role Organizations creates, and nothing from the user's own AWS
// configuration.
func startDemo(cmd *cobra.Command, s *session, f *awsFlags, quiet bool, opts *awscollect.Options) error {
	if f.profile != "" || f.assumeRole != "" || len(f.accounts) > 0 || f.organization || f.externalID != "" {
		return usageError("--demo scans the built-in demo organization; it takes no --profile, --assume-role, --accounts, --organization or --external-id")
	}
	// The demo must not reach for the user's own AWS setup: a profile,
	// per-service endpoints or a CA bundle in the environment would send
	// it elsewhere or stop it.
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "AWS_PROFILE" || k == "AWS_DEFAULT_PROFILE" || k == "AWS_CA_BUNDLE" || strings.HasPrefix(k, "AWS_ENDPOINT_URL") {
			os.Unsetenv(k)
		}
	}
	w, err := aws.ParseWorld(awsdemo.World)
	if err != nil {
		return fmt.Errorf("the demo world is broken: %w", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("starting the demo's test cloud: %w", err)
	}
	srv := &http.Server{Handler: aws.NewServer(w), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(l) }()
	s.cleanup = append(s.cleanup, func() { _ = srv.Close() })
	url := "http://" + l.Addr().String()
	mgmt := w.Accounts[0]
	opts.AssumeRole = awsdemo.AssumeRole
	opts.Organization = true
	opts.LoadOptions = append(opts.LoadOptions,
		config.WithRegion("us-east-1"),
		config.WithBaseEndpoint(url),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(mgmt.AccessKey, "demo-secret", "")),
		config.WithSharedConfigFiles([]string{}),
		config.WithSharedCredentialsFiles([]string{}),
	)
	if !quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "DEMO: scanning a made-up AWS organization (%d accounts, regions %v) that Vigil's test cloud serves at %s.\n"+
			"No AWS account is contacted. The world is examples/aws-demo/world.yaml; try `vigil testcloud serve --world` with your own.\n",
			len(w.Accounts), w.Regions, url)
	}
	return nil
}
