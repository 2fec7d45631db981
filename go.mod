module francenum-map

go 1.26

require (
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/paulmach/orb v0.14.0
	github.com/stretchr/testify v1.12.1
	github.com/syumai/workers v0.32.0
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

tool github.com/syumai/workers/cmd/workers-assets-gen
