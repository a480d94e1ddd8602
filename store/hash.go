package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// hasher computes the hash that decides whether a new version of a
// resource is written: the resource as encoding/json writes it (struct
// fields in order, map keys sorted), with order-free lists sorted and
// volatile fields left out, so a resource that did not change hashes alike
// from one scan to the next. It reuses one buffer: most resources of a
// scan are unchanged and need the hash only, not the document.
type hasher struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newHasher() *hasher {
	h := &hasher{}
	h.enc = json.NewEncoder(&h.buf)
	return h
}

// hash returns the resource's hash, and a function giving the document to
// store (the resource as read, volatile fields included).
func (h *hasher) hash(r *model.Resource) (string, func() ([]byte, error), error) {
	c := canonical(r)
	h.buf.Reset()
	if err := h.enc.Encode(c); err != nil {
		return "", nil, err
	}
	b := bytes.TrimSuffix(h.buf.Bytes(), []byte("\n"))
	sum := sha256.Sum256(b)
	// Called at once or never: b lives until the next hash.
	doc := func() ([]byte, error) { return json.Marshal(r) }
	if c == r {
		doc = func() ([]byte, error) { return bytes.Clone(b), nil }
	}
	return hex.EncodeToString(sum[:16]), doc, nil
}

// canonical is r itself when it is already in canonical form, else a
// shallow copy with its lists sorted and volatile fields zeroed.
func canonical(r *model.Resource) *model.Resource {
	relLess := func(a, b model.Relation) int {
		if n := strings.Compare(a.Type, b.Type); n != 0 {
			return n
		}
		return strings.Compare(a.Target, b.Target)
	}
	attrs, volatile := withoutVolatile(r.Attributes)
	if slices.IsSorted(r.Unknown) && slices.IsSortedFunc(r.Relations, relLess) && !volatile {
		return r
	}
	c := *r
	c.Unknown = slices.Clone(r.Unknown)
	slices.Sort(c.Unknown)
	c.Relations = slices.Clone(r.Relations)
	slices.SortFunc(c.Relations, relLess)
	c.Attributes = attrs
	return &c
}

// withoutVolatile drops settings that change with the clock, not with the
// resource: an access key's age grows every day, and so do the days a
// password, a key or the root user went unused. The stored version keeps
// the value read when the version was written.
func withoutVolatile(a any) (any, bool) {
	if u, ok := a.(*model.IAMUser); ok && u != nil && (len(u.AccessKeys) > 0 || u.PasswordUnusedDays != 0) {
		c := *u
		c.PasswordUnusedDays = 0
		c.AccessKeys = slices.Clone(u.AccessKeys)
		for i := range c.AccessKeys {
			c.AccessKeys[i].AgeDays = 0
			c.AccessKeys[i].UnusedDays = 0
		}
		return &c, true
	}
	if acct, ok := a.(*model.AWSAccount); ok && acct != nil && (acct.RootPasswordUsedDays != nil || acct.RootKeyUsedDays != nil) {
		// Kept: whether root was ever used (-1 is never), not how long ago.
		used := func(d *int) *int {
			if d == nil || *d < 0 {
				return d
			}
			z := 0
			return &z
		}
		c := *acct
		c.RootPasswordUsedDays, c.RootKeyUsedDays = used(acct.RootPasswordUsedDays), used(acct.RootKeyUsedDays)
		return &c, true
	}
	return a, false
}

// finding returns the hash of the JSON stored for a failing finding, and
// a function giving that JSON (call it at once or never); lifecycle times
// are the store's, not the verdict's.
func (h *hasher) finding(f model.Finding) (string, func() []byte, error) {
	f.FirstSeen, f.LastSeen, f.ResolvedAt = zeroTime, zeroTime, zeroTime
	h.buf.Reset()
	if err := h.enc.Encode(f); err != nil {
		return "", nil, err
	}
	b := bytes.TrimSuffix(h.buf.Bytes(), []byte("\n"))
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16]), func() []byte { return bytes.Clone(b) }, nil
}
