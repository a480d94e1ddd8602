package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// resourceDoc is the JSON stored for a resource version and the hash that
// decides whether a new version is written. The hash covers the resource
// as encoding/json writes it (struct fields in order, map keys sorted),
// with order-free lists sorted and volatile fields left out, so a resource
// that did not change hashes alike from one scan to the next.
func resourceDoc(r *model.Resource) (doc []byte, hash string, err error) {
	doc, err = json.Marshal(r)
	if err != nil {
		return nil, "", err
	}
	c := *r
	c.Unknown = slices.Clone(r.Unknown)
	slices.Sort(c.Unknown)
	c.Relations = slices.Clone(r.Relations)
	slices.SortFunc(c.Relations, func(a, b model.Relation) int {
		if n := strings.Compare(a.Type, b.Type); n != 0 {
			return n
		}
		return strings.Compare(a.Target, b.Target)
	})
	c.Attributes = withoutVolatile(r.Attributes)
	canon, err := json.Marshal(&c)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(canon)
	return doc, hex.EncodeToString(sum[:16]), nil
}

// withoutVolatile drops settings that change with the clock, not with the
// resource: an access key's age grows every day. The stored version keeps
// the value read when the version was written.
func withoutVolatile(a any) any {
	if u, ok := a.(*model.IAMUser); ok && u != nil {
		c := *u
		c.AccessKeys = slices.Clone(u.AccessKeys)
		for i := range c.AccessKeys {
			c.AccessKeys[i].AgeDays = 0
		}
		return &c
	}
	return a
}

// findingDetail is the JSON stored for a failing finding and its hash;
// lifecycle times are the store's, not the verdict's.
func findingDetail(f model.Finding) ([]byte, string, error) {
	f.FirstSeen, f.LastSeen, f.ResolvedAt = zeroTime, zeroTime, zeroTime
	b, err := json.Marshal(f)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(b)
	return b, hex.EncodeToString(sum[:16]), nil
}
