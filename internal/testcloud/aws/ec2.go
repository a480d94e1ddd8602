package aws

import (
	"encoding/xml"
	"fmt"
	"net/http"
)

const ec2NS = "http://ec2.amazonaws.com/doc/2016-11-15/"

func (s *Server) ec2(w http.ResponseWriter, req *request) {
	switch req.op {
	case "DescribeRegions":
		type item struct {
			RegionName     string `xml:"regionName"`
			RegionEndpoint string `xml:"regionEndpoint"`
			OptInStatus    string `xml:"optInStatus"`
		}
		var items []item
		for _, r := range s.world.Regions {
			items = append(items, item{RegionName: r, RegionEndpoint: "ec2." + r + ".amazonaws.com", OptInStatus: "opt-in-not-required"})
		}
		writeXML(w, struct {
			XMLName   xml.Name `xml:"DescribeRegionsResponse"`
			NS        string   `xml:"xmlns,attr"`
			RequestID string   `xml:"requestId"`
			Regions   []item   `xml:"regionInfo>item"`
		}{NS: ec2NS, RequestID: requestID(), Regions: items})
	default:
		writeEC2Error(w, http.StatusBadRequest, "InvalidAction", "the test cloud does not serve ec2:"+req.op)
	}
}

// writeEC2Error answers in EC2's own error dialect.
func writeEC2Error(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>%s</RequestID></Response>`,
		xmlEscape(code), xmlEscape(msg), requestID())
}
