package file

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// textProbe is how much of a file CheckText reads: enough to see a binary
// header or a foreign encoding, cheap for any size.
const textProbe = 8 << 10

// CheckText returns an error when data is not UTF-8 text: a NUL byte or an
// invalid UTF-8 sequence in its first 8 KiB. Every IaC syntax Vigil reads
// is UTF-8 text; a binary file with an IaC extension (a build artefact, an
// encrypted file) gets this one warning instead of one complaint per byte
// the parser trips over.
func CheckText(path string, data []byte) *Error {
	b := data
	if len(b) > textProbe {
		b = b[:textProbe]
		// Cut at a character boundary, not inside a multi-byte one.
		for len(b) > 0 && !utf8.RuneStart(data[len(b)]) {
			b = b[:len(b)-1]
		}
	}
	for _, c := range b {
		if c == 0 {
			return Errorf(path, 0, "not a text file (binary content); skipped")
		}
	}
	if !utf8.Valid(b) {
		return Errorf(path, 0, "not a text file (not UTF-8); skipped")
	}
	return nil
}

// MaxResources bounds the resources one file yields. Every resource is
// judged by every rule of its kind and listed with its findings, so the
// cost of a scan grows with resources, not bytes: about a millisecond and
// a hundred kilobytes each in rules and reports, and a 10 MiB file of
// hundred-byte objects holds 100,000 of them (3 minutes, 13.8 GB). Real
// files declare far fewer; CloudFormation itself allows 500 per template,
// and this is ten times that.
const MaxResources = 5_000

// MaxErrorsPerFile bounds the problems reported for one file. A file that
// is not what its name says yields a complaint per token; past the first
// few they say nothing new and bury the other files' warnings.
const MaxErrorsPerFile = 20

// CapErrors keeps, in order, the first MaxErrorsPerFile errors of each
// file, and after the last one kept of a file that had more, an error
// saying how many were left out. Errors that name no file are all kept.
func CapErrors(errs []error) []error {
	count := map[string]int{}
	for _, err := range errs {
		if f := fileOf(err); f != "" {
			count[f]++
		}
	}
	over := false
	for _, n := range count {
		over = over || n > MaxErrorsPerFile
	}
	if !over {
		return errs
	}
	out := make([]error, 0, len(errs))
	kept := map[string]int{}
	for _, err := range errs {
		f := fileOf(err)
		if f == "" {
			out = append(out, err)
			continue
		}
		kept[f]++
		switch {
		case kept[f] <= MaxErrorsPerFile:
			out = append(out, err)
		case kept[f] == MaxErrorsPerFile+1:
			out = append(out, &Error{File: f, Message: fmt.Sprintf("%d more problems in this file not shown", count[f]-MaxErrorsPerFile)})
		}
	}
	return out
}

func fileOf(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.File
	}
	return ""
}
