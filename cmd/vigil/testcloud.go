package main

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/testcloud/aws"
)

func newTestCloudCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "testcloud",
		Short: "Vigil's own fake AWS, for trying rules and collectors without a cloud",
	}
	var world, addr string
	serve := &cobra.Command{
		Use:   "serve --world FILE",
		Short: "Serve a world of fake AWS accounts on loopback (early: STS, EC2 regions, SQS)",
		Long: `Serve answers the AWS wire protocols from a declarative world file, so the
real collector can scan it: point Vigil (or any AWS SDK) at it with
AWS_ENDPOINT_URL and the access key of one of the world's accounts. It is
early work: STS, EC2 DescribeRegions and SQS are served so far.`,
		Example: `  vigil testcloud serve --world world.yaml --addr 127.0.0.1:4599
  AWS_ENDPOINT_URL=http://127.0.0.1:4599 AWS_ACCESS_KEY_ID=<key> AWS_SECRET_ACCESS_KEY=x \
    vigil scan aws --services sqs`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if world == "" {
				return usageError("--world is required")
			}
			w, err := aws.LoadWorld(world)
			if err != nil {
				return usageError("%v", err)
			}
			l, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError("--addr: %v", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "test cloud serving %d account(s) on http://%s\n", len(w.Accounts), l.Addr())
			for _, a := range w.Accounts {
				fmt.Fprintf(cmd.OutOrStdout(), "  %s (%s): AWS_ACCESS_KEY_ID=%s\n", a.ID, a.Name, a.AccessKey)
			}
			srv := &http.Server{Handler: aws.NewServer(w), ReadHeaderTimeout: 10 * time.Second}
			return srv.Serve(l)
		},
	}
	serve.Flags().StringVar(&world, "world", "", "world file (YAML)")
	serve.Flags().StringVar(&addr, "addr", "127.0.0.1:4599", "address to listen on (loopback by default)")
	cmd.AddCommand(serve)
	return cmd
}
