package aws

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/aws/smithy-go"
)

// contextT keeps collector signatures short.
type contextT = context.Context

// CollectionError is one thing that could not be read. It never stops a
// collection, and it is shown and stored with the scan so that a gap is
// never mistaken for a clean result.
type CollectionError struct {
	Account   string `json:"account"`
	Region    string `json:"region,omitempty"`
	Service   string `json:"service"`
	Operation string `json:"operation,omitempty"`
	// Resource is the resource whose settings the call would have read,
	// for calls about one resource; its unread settings are unknown.
	Resource string `json:"resource,omitempty"`
	// Kinds are set for a call about every resource of some kinds in the
	// unit (DescribeFlowLogs for the VPCs, DescribeVolumes for volumes and
	// the instances' block devices): what it reads is unknown on each.
	Kinds []string `json:"kinds,omitempty"`
	// Code is AWS's error code (AccessDenied, Throttling ...) or one of
	// Timeout, Unreachable, Canceled, Error. A unit cut off by a tripped
	// breaker has one error, Timeout or Unreachable, naming the breaker.
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e CollectionError) String() string {
	return fmt.Sprintf("%s: %s: %s", e.Where(), e.Code, e.Message)
}

// Where names what could not be read: "account/region service:Operation".
func (e CollectionError) Where() string {
	where := e.Account
	if e.Region != "" {
		where += "/" + e.Region
	}
	op := e.Service
	if e.Operation != "" {
		op += ":" + e.Operation
	}
	where += " " + op
	if e.Resource != "" {
		where += " " + e.Resource
	} else if len(e.Kinds) > 0 {
		where += " (every " + strings.Join(e.Kinds, ", ") + ")"
	}
	return where
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
