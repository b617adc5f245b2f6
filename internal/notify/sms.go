package notify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"shuwu/internal/notices"
)

// SMS sends notices through an SMS gateway's HTTP API.
type SMS struct {
	Settings notices.SMSSettings
	// Client overrides the HTTP client (tests).
	Client *http.Client
}

// Send posts one message and returns the gateway's status and answer; an
// answer other than 2xx is a failure.
func (s SMS) Send(ctx context.Context, msg notices.Message) (string, error) {
	st := s.Settings
	body, err := notices.FillTemplate(st.Template, st.Format, msg.To, msg.Body)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, st.URL, strings.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("短信网关地址无效：%w", err)
	}
	if st.Format == notices.FormatForm {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	if st.Token != "" {
		h := st.AuthHeader
		if h == "" {
			h = "Authorization"
		}
		req.Header.Set(h, st.Token)
	}
	req.Header.Set("User-Agent", "shuwu")
	c := s.Client
	if c == nil {
		c = &http.Client{Timeout: 20 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", fmt.Errorf("连接短信网关失败：%w", err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
	answer := fmt.Sprintf("%d %s", resp.StatusCode, bytes.TrimSpace(got))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return answer, fmt.Errorf("短信网关拒绝了请求（HTTP %d）", resp.StatusCode)
	}
	return answer, nil
}
