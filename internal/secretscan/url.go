package secretscan

import (
	"net/url"
	"strings"
)

// URLCredentials reports whether a repository location (a source URL)
// carries credentials: a user name and password in its user information
// (https://user:password@host/...), or a token that gitleaks' rules know,
// anywhere in it (https://ghp_...@github.com/...). A user name alone, as
// in https://user@bitbucket.org/team/repo.git, is an identity, not a
// credential. Text that is not a URL is scanned as it is.
func URLCredentials(location string) (bool, error) {
	if location == "" {
		return false, nil
	}
	if u, err := url.Parse(location); err == nil && u.User != nil {
		if _, set := u.User.Password(); set {
			return true, nil
		}
	}
	found, err := Text("source location", strings.TrimSpace(location))
	if err != nil {
		return false, err
	}
	return len(found) > 0, nil
}
