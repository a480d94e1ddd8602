package aws

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/collect"
)

// contextT keeps collector signatures short.
type contextT = context.Context

// CollectionError is one thing that could not be read (collect.Error).
// A unit cut off by a tripped breaker has one error, Timeout or
// Unreachable, naming the breaker.
type CollectionError = collect.Error

// classify describes the errors of one unit's calls; a breaker's error is
// kept once per unit.
func classify(acct, region, svc string) collect.Classify {
	return func(op string, err error) (CollectionError, bool) {
		var be *BreakerError
		return newCollectionError(acct, region, svc, op, err), errors.As(err, &be)
	}
}

func newCollectionError(acct, region, svc, op string, err error) CollectionError {
	ce := CollectionError{Account: acct, Region: region, Service: svc, Operation: op, Code: "Error", Message: err.Error()}
	var apiErr smithy.APIError
	var opErr *smithy.OperationError
	if errors.As(err, &opErr) && ce.Operation == "" {
		ce.Operation = opErr.OperationName
	}
	var netErr net.Error
	var breakerErr *BreakerError
	switch {
	case errors.As(err, &breakerErr):
		ce.Code = breakerErr.Code
		ce.Message = breakerErr.Error()
	case errors.As(err, &apiErr):
		ce.Code = apiErr.ErrorCode()
		ce.Message = apiErr.ErrorMessage()
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		ce.Code = "Timeout"
	case errors.Is(err, context.Canceled):
		ce.Code = "Canceled"
	case strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "no such host"):
		ce.Code = "Unreachable"
	}
	if ce.Message == "" {
		ce.Message = err.Error()
	}
	// Tell the user which permission to grant.
	if IsAccessDenied(ce.Code) && opErr != nil {
		ce.Message += " (needs " + IAMAction(opErr.ServiceID, opErr.OperationName) + ")"
	}
	return ce
}

// IsAccessDenied reports whether the error is a permissions problem.
func IsAccessDenied(code string) bool {
	switch code {
	case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
		"AuthorizationErrorException", "UnrecognizedClientException", "InvalidClientTokenId":
		return true
	}
	return false
}

// awsCodeIn reports whether err is an AWS API error with one of the codes
// (compared without case: emulators do not always spell them as AWS does).
func awsCodeIn(err error, codes ...string) bool {
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, c := range codes {
		if strings.EqualFold(apiErr.ErrorCode(), c) {
			return true
		}
	}
	return false
}
