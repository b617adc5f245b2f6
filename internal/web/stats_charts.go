package web

import (
	"encoding/json"
	"fmt"
)

// The dashboards' charts are ECharts options written here, put on the
// page as a data attribute and drawn by static/js/stats.js. Every chart
// has its table beside it, so nothing is only in a picture.

var chartColors = []string{"#b22222", "#c9962b", "#2f6f9f", "#4e8a4e", "#7a5c99", "#d2691e", "#5f7a8a", "#a0522d"}

type series struct {
	Name   string
	Values []int64
	Kind   string // bar (default) or line
	Right  bool   // on the second value axis
}

func chartJSON(o map[string]any) string {
	o["color"] = chartColors
	o["animation"] = false
	b, _ := json.Marshal(o)
	return string(b)
}

func valuesAny(v []int64) []any {
	out := make([]any, len(v))
	for i, n := range v {
		out[i] = n
	}
	return out
}

// axisChart is bars or lines over categories; horizontal puts the
// categories on the vertical axis (long names, rankings).
func axisChart(cats []string, ss []series, horizontal bool) string {
	var out []any
	two := false
	for _, s := range ss {
		k := s.Kind
		if k == "" {
			k = "bar"
		}
		x := map[string]any{"name": s.Name, "type": k, "data": valuesAny(s.Values)}
		if k == "line" {
			x["smooth"] = 0.3
			x["symbolSize"] = 6
		}
		if s.Right {
			x["yAxisIndex"] = 1
			two = true
		}
		if k == "bar" && len(ss) == 1 {
			x["label"] = map[string]any{"show": len(cats) <= 16, "position": map[bool]string{true: "right", false: "top"}[horizontal]}
		}
		out = append(out, x)
	}
	cat := map[string]any{"type": "category", "data": cats, "axisLabel": map[string]any{"hideOverlap": true}}
	val := map[string]any{"type": "value", "minInterval": 1}
	o := map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"grid":    map[string]any{"left": 8, "right": 44, "top": 36, "bottom": 8, "containLabel": true},
		"series":  out,
	}
	if len(ss) > 1 {
		o["legend"] = map[string]any{"top": 0, "type": "scroll"}
	}
	if horizontal {
		cat["inverse"] = true
		cat["axisLabel"] = map[string]any{"width": 140, "overflow": "truncate"}
		o["xAxis"], o["yAxis"] = val, cat
	} else {
		if two {
			o["yAxis"] = []any{val, map[string]any{"type": "value", "minInterval": 1, "scale": true, "splitLine": map[string]any{"show": false}}}
		} else {
			o["yAxis"] = val
		}
		o["xAxis"] = cat
	}
	return chartJSON(o)
}

type slice struct {
	Name  string
	Value int64
}

func pieChart(name string, ss []slice) string {
	var data []any
	for _, s := range ss {
		if s.Value > 0 {
			data = append(data, map[string]any{"name": s.Name, "value": s.Value})
		}
	}
	return chartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "item", "formatter": "{b}: {c} ({d}%)"},
		"legend":  map[string]any{"bottom": 0, "type": "scroll"},
		"series": []any{map[string]any{"name": name, "type": "pie", "radius": []string{"38%", "66%"}, "center": []string{"50%", "45%"},
			"data": data, "label": map[string]any{"formatter": "{b}\n{c}"}}},
	})
}

// heatChart is weekdays × hours.
func heatChart(name string, days []string, hours []int, cell func(d, h int) int64, maxN int64) string {
	var data []any
	hl := make([]string, len(hours))
	for i, h := range hours {
		hl[i] = fmt.Sprintf("%02d", h)
		for d := range days {
			data = append(data, []any{i, d, cell(d, h)})
		}
	}
	return chartJSON(map[string]any{
		"tooltip": map[string]any{"position": "top"},
		"grid":    map[string]any{"left": 8, "right": 8, "top": 8, "bottom": 56, "containLabel": true},
		"xAxis":   map[string]any{"type": "category", "data": hl, "splitArea": map[string]any{"show": true}},
		"yAxis":   map[string]any{"type": "category", "data": days, "inverse": true, "splitArea": map[string]any{"show": true}},
		"visualMap": map[string]any{"min": 0, "max": max(maxN, 1), "calculable": true, "orient": "horizontal", "left": "center", "bottom": 0,
			"inRange": map[string]any{"color": []string{"#fbf4ec", "#e8b96a", "#b22222"}}, "itemHeight": 120},
		"series": []any{map[string]any{"name": name, "type": "heatmap", "data": data, "label": map[string]any{"show": false}}},
	})
}
