package aws

import (
	"encoding/xml"
	"net/http"
	"strings"
	"time"
)

const stsNS = "https://sts.amazonaws.com/doc/2011-06-15/"

type responseMetadata struct {
	RequestID string `xml:"RequestId"`
}

func (s *Server) sts(w http.ResponseWriter, req *request) {
	switch req.op {
	case "GetCallerIdentity":
		type result struct {
			Arn, UserId, Account string
		}
		writeXML(w, struct {
			XMLName  xml.Name         `xml:"GetCallerIdentityResponse"`
			NS       string           `xml:"xmlns,attr"`
			Result   result           `xml:"GetCallerIdentityResult"`
			Metadata responseMetadata `xml:"ResponseMetadata"`
		}{NS: stsNS, Result: result{Arn: "arn:aws:iam::" + req.account + ":user/vigil", UserId: "AIDATESTCLOUD", Account: req.account},
			Metadata: responseMetadata{requestID()}})
	case "AssumeRole":
		roleARN := first(req.form["RoleArn"])
		parts := strings.Split(roleARN, ":")
		if len(parts) < 6 || s.account(parts[4]) == nil {
			writeQueryError(w, http.StatusForbidden, "AccessDenied", "User is not authorized to perform: sts:AssumeRole on resource: "+roleARN)
			return
		}
		key := "ASIA" + strings.ToUpper(requestID()[:16])
		s.mu.Lock()
		s.keys[key] = parts[4]
		s.mu.Unlock()
		type creds struct {
			AccessKeyId, SecretAccessKey, SessionToken, Expiration string
		}
		type user struct{ Arn, AssumedRoleId string }
		type result struct {
			Credentials     creds
			AssumedRoleUser user
		}
		writeXML(w, struct {
			XMLName  xml.Name         `xml:"AssumeRoleResponse"`
			NS       string           `xml:"xmlns,attr"`
			Result   result           `xml:"AssumeRoleResult"`
			Metadata responseMetadata `xml:"ResponseMetadata"`
		}{NS: stsNS, Result: result{
			Credentials: creds{AccessKeyId: key, SecretAccessKey: "test-cloud-secret", SessionToken: "test-cloud-session",
				Expiration: time.Now().Add(time.Hour).UTC().Format(time.RFC3339)},
			AssumedRoleUser: user{Arn: strings.Replace(roleARN, ":role/", ":assumed-role/", 1) + "/" + first(req.form["RoleSessionName"]), AssumedRoleId: "AROATESTCLOUD"},
		}, Metadata: responseMetadata{requestID()}})
	default:
		writeQueryError(w, http.StatusBadRequest, "InvalidAction", "the test cloud does not serve sts:"+req.op)
	}
}
