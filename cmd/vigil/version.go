package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vigil-sec/vigil/internal/buildinfo"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print Vigil's version, commit, build date, Go version and rule-set digest",
		Long: `Version prints what identifies this binary: its version, the commit and
time it was built from (stamped by the Go toolchain in a checkout, or set
with -ldflags -X github.com/vigil-sec/vigil/internal/buildinfo.version=...,
.commit=..., .date=...), the Go toolchain, and the SHA-256 digest of the
built-in rules, which JSON reports also carry as tool.rules_digest.`,
		Args: cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprint(cmd.OutOrStdout(), buildinfo.Get())
		},
	}
}
