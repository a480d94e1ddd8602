package aws

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// sqsPageSize is SQS's default page of ListQueues.
const sqsPageSize = 1000

func queueURL(region, acct, name string) string {
	return "https://sqs." + region + ".amazonaws.com/" + acct + "/" + name
}

func (s *Server) queues(req *request) []Queue {
	a := s.account(req.account)
	if a == nil {
		return nil
	}
	qs := append([]Queue(nil), a.Regions[req.region].Queues...)
	sort.Slice(qs, func(i, j int) bool { return qs[i].Name < qs[j].Name })
	return qs
}

func (s *Server) queueByURL(req *request, url string) (Queue, bool) {
	name := url[strings.LastIndexByte(url, '/')+1:]
	for _, q := range s.queues(req) {
		if q.Name == name {
			return q, true
		}
	}
	return Queue{}, false
}

func (s *Server) sqs(w http.ResponseWriter, req *request) {
	var in struct {
		QueueUrl        string
		QueueNamePrefix string
		MaxResults      int
		NextToken       string
	}
	_ = json.Unmarshal(req.body, &in)
	switch req.op {
	case "ListQueues":
		qs := s.queues(req)
		size := in.MaxResults
		if size <= 0 || size > sqsPageSize {
			size = sqsPageSize
		}
		start, _ := strconv.Atoi(in.NextToken)
		out := struct {
			QueueUrls []string `json:"QueueUrls,omitempty"`
			NextToken string   `json:"NextToken,omitempty"`
		}{}
		for i := start; i < len(qs) && len(out.QueueUrls) < size; i++ {
			if strings.HasPrefix(qs[i].Name, in.QueueNamePrefix) {
				out.QueueUrls = append(out.QueueUrls, queueURL(req.region, req.account, qs[i].Name))
			}
			if len(out.QueueUrls) == size && i+1 < len(qs) {
				out.NextToken = strconv.Itoa(i + 1)
			}
		}
		writeJSON(w, out)
	case "GetQueueAttributes":
		q, ok := s.queueByURL(req, in.QueueUrl)
		if !ok {
			writeJSONError(w, http.StatusBadRequest, "QueueDoesNotExist", "The specified queue does not exist.")
			return
		}
		attrs := map[string]string{"QueueArn": "arn:aws:sqs:" + req.region + ":" + req.account + ":" + q.Name,
			"SqsManagedSseEnabled": "true"}
		for k, v := range q.Attributes {
			attrs[k] = v
		}
		writeJSON(w, map[string]any{"Attributes": attrs})
	case "ListQueueTags":
		q, ok := s.queueByURL(req, in.QueueUrl)
		if !ok {
			writeJSONError(w, http.StatusBadRequest, "QueueDoesNotExist", "The specified queue does not exist.")
			return
		}
		writeJSON(w, map[string]any{"Tags": q.Tags})
	default:
		writeJSONError(w, http.StatusBadRequest, "InvalidAction", "the test cloud does not serve sqs:"+req.op)
	}
}
