package secretscan

import "testing"

func TestURLCredentials(t *testing.T) {
	for loc, want := range map[string]bool{
		"https://deploy:Winter2024Release@bitbucket.org/example/app.git":              true,
		"https://x-token-auth:abc@bitbucket.org/example/app.git":                      true,
		"https://ghp_4bXz9QkLmN2pR7sT1vW3yA5cD8eF0gH6jK2m@github.com/example/app.git": true,
		"https://bitbucket.org/example/app.git":                                       false,
		"https://deploy@bitbucket.org/example/app.git":                                false,
		"my-bucket/sources/app.zip":                                                   false,
		"":                                                                            false,
	} {
		got, err := URLCredentials(loc)
		if err != nil || got != want {
			t.Errorf("URLCredentials(%q) = %v, %v; want %v", loc, got, err, want)
		}
	}
}
