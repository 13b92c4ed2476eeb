package reports

import (
	"strings"
	"unicode/utf8"
)

// Layout primitives: wrapped paragraphs, boxes with a coloured left bar, and tables whose
// rows wrap and break across pages with the header repeated. Everything is measured with
// SplitText first and then written line by line, so page breaks are ours and nothing runs
// past the margins.

type rgb [3]int

var (
	black     = rgb{0, 0, 0}
	grey      = rgb{90, 90, 90}
	navy      = rgb{20, 50, 90}
	lightGrey = rgb{200, 200, 200}
	headFill  = rgb{228, 234, 242}
	gapFill   = rgb{250, 244, 240}
	white     = rgb{255, 255, 255}
)

// Traffic-light and severity colours.
var (
	red   = rgb{192, 45, 40}
	amber = rgb{230, 150, 20}
	green = rgb{40, 140, 70}
	slate = rgb{140, 150, 160}
)

func (r *renderer) textColor(c rgb) { r.pdf.SetTextColor(c[0], c[1], c[2]) }

// fillColor and font skip redundant changes: fpdf writes an operator for every call, and
// the findings call them for every line.
func (r *renderer) fillColor(c rgb) {
	if cr, cg, cb := r.pdf.GetFillColor(); cr == c[0] && cg == c[1] && cb == c[2] {
		return
	}
	r.pdf.SetFillColor(c[0], c[1], c[2])
}

func (r *renderer) font(style string, size float64) {
	p := r.pdf
	if pt, _ := p.GetFontSize(); pt == size && p.GetFontStyle() == style && p.GetFontFamily() == fontFamilyKey {
		return
	}
	p.SetFont(fontFamily, style, size)
}
func (r *renderer) drawColor(c rgb) { r.pdf.SetDrawColor(c[0], c[1], c[2]) }

// para is a paragraph to wrap.
type para struct {
	style    string // "", "B" or "I"
	size, lh float64
	text     string
	color    rgb
	indent   float64
	before   float64 // space above
}

// box frames paragraphs: a coloured bar on the left and/or a shaded background.
type box struct {
	bar, fill *rgb
	pad       float64
}

const barW = 1.6

type flowLine struct {
	p    *para
	text string
	h    float64
	gap  bool
}

func (r *renderer) flow(paras ...para) { r.flowBox(box{}, paras...) }

// flowBox writes paragraphs across the content width. A block that fits on a page is kept
// together; a longer one breaks between lines, its bar and shading continuing on the next page.
func (r *renderer) flowBox(b box, paras ...para) {
	p := r.pdf
	x, inner := float64(margin), float64(contentW)
	if b.bar != nil {
		inner -= barW + 1
	}
	inner -= 2 * b.pad
	textX := pageW - margin - b.pad - inner
	lines := make([]flowLine, 0, 8)
	total := 0.0
	if b.pad > 0 {
		lines = append(lines, flowLine{h: b.pad, gap: true})
		total += b.pad
	}
	for i := range paras {
		pa := &paras[i]
		if pa.before > 0 {
			lines = append(lines, flowLine{h: pa.before, gap: true})
			total += pa.before
		}
		r.font(pa.style, pa.size)
		for _, l := range r.wrap(r.glyphs.clean(pa.text), inner-pa.indent) {
			lines = append(lines, flowLine{p: pa, text: l, h: pa.lh})
			total += pa.lh
		}
	}
	if b.pad > 0 {
		lines = append(lines, flowLine{h: b.pad, gap: true})
		total += b.pad
	}
	if total <= bodyBottom-bodyTop && p.GetY()+total > bodyBottom {
		p.AddPage()
	}
	for _, l := range lines {
		y := p.GetY()
		if y+l.h > bodyBottom {
			if l.gap {
				continue // no page break for spacing alone
			}
			p.AddPage()
			y = p.GetY()
		}
		if b.fill != nil {
			r.fillColor(*b.fill)
			p.Rect(x, y, contentW, l.h, "F")
		}
		if b.bar != nil {
			r.fillColor(*b.bar)
			p.Rect(x, y, barW, l.h, "F")
		}
		if !l.gap {
			r.font(l.p.style, l.p.size)
			r.textColor(l.p.color)
			p.SetXY(textX+l.p.indent, y)
			p.CellFormat(inner-l.p.indent, l.h, l.text, "", 0, "L", false, 0, "")
		}
		p.SetXY(margin, y+l.h)
	}
	r.textColor(black)
}

// column is a table column; widths add up to contentW.
type column struct {
	title string
	w     float64
}

// tcell is a table cell; chip paints the cell in a colour with white bold text, and sub is
// a grey line under the text (context such as the question a action comes from).
type tcell struct {
	text  string
	style string
	color rgb
	chip  *rgb
	sub   string
	// id is a question ID, printed small and grey under sub: a partner needs it to refer back,
	// a reader does not.
	id string
}

// tline is a wrapped line of a cell.
type tline struct {
	text  string
	style string
	color rgb
	size  float64 // 0 is tableSize
}

func (r *renderer) cellLines(c tcell, w float64) []tline {
	style, color := c.style, c.color
	if c.chip != nil {
		style, color = "B", white
	}
	r.font(style, tableSize)
	var out []tline
	for _, l := range r.wrap(r.glyphs.clean(c.text), w) {
		out = append(out, tline{text: l, style: style, color: color})
	}
	if c.sub != "" {
		r.font("I", tableSize)
		for _, l := range r.wrap(r.glyphs.clean(c.sub), w) {
			out = append(out, tline{text: l, style: "I", color: grey})
		}
	}
	if c.id != "" {
		r.font("", idSize)
		for _, l := range r.wrap(r.glyphs.clean(c.id), w) {
			out = append(out, tline{text: l, color: grey, size: idSize})
		}
	}
	return out
}

const (
	idSize    = 6.5
	tableSize = 8.5
	tableLH   = 4.2
	tablePad  = 1.4
)

// table writes rows under a header, wrapping each cell; a row that does not fit the page
// moves to the next with the header repeated, and a row taller than a page breaks between lines.
func (r *renderer) table(cols []column, rows [][]tcell) {
	p := r.pdf
	header := make([][]string, len(cols))
	r.font("B", tableSize)
	headerLines := 1
	for i, c := range cols {
		header[i] = r.wrap(r.glyphs.clean(c.title), c.w)
		headerLines = max(headerLines, len(header[i]))
	}
	headerH := float64(headerLines)*tableLH + 2*tablePad
	drawHeader := func() {
		y := p.GetY()
		r.fillColor(headFill)
		p.Rect(margin, y, contentW, headerH, "F")
		x := float64(margin)
		r.font("B", tableSize)
		r.textColor(navy)
		for i, c := range cols {
			for j, l := range header[i] {
				p.SetXY(x, y+tablePad+float64(j)*tableLH)
				p.CellFormat(c.w, tableLH, l, "", 0, "L", false, 0, "")
			}
			x += c.w
		}
		p.SetXY(margin, y+headerH)
	}
	minRow := tableLH + 2*tablePad
	if p.GetY()+headerH+minRow > bodyBottom {
		p.AddPage()
	}
	drawHeader()
	for _, row := range rows {
		cells := make([][]tline, len(cols))
		n := 1
		for i, c := range row {
			cells[i] = r.cellLines(c, cols[i].w)
			n = max(n, len(cells[i]))
		}
		rowH := float64(n)*tableLH + 2*tablePad
		fullPage := bodyBottom - bodyTop - headerH
		if p.GetY()+rowH > bodyBottom && (rowH <= fullPage || p.GetY()+headerH+3*tableLH > bodyBottom) {
			p.AddPage()
			drawHeader()
		}
		for from := 0; from < n; {
			avail := int((bodyBottom - p.GetY() - 2*tablePad) / tableLH)
			if avail < 1 {
				p.AddPage()
				drawHeader()
				continue
			}
			to := min(n, from+avail)
			r.tableRow(cols, row, cells, from, to)
			from = to
		}
	}
	r.textColor(black)
	p.Ln(2)
}

// tableRow draws lines from..to of a row's cells.
func (r *renderer) tableRow(cols []column, row []tcell, cells [][]tline, from, to int) {
	p := r.pdf
	y := p.GetY()
	h := float64(to-from)*tableLH + 2*tablePad
	x := float64(margin)
	for i, c := range row {
		if c.chip != nil {
			r.fillColor(*c.chip)
			p.Rect(x+0.6, y+0.6, cols[i].w-1.2, h-1.2, "F")
		}
		for j := from; j < to && j < len(cells[i]); j++ {
			l := cells[i][j]
			size := tableSize
			if l.size != 0 {
				size = l.size
			}
			r.font(l.style, size)
			r.textColor(l.color)
			p.SetXY(x, y+tablePad+float64(j-from)*tableLH)
			p.CellFormat(cols[i].w, tableLH, l.text, "", 0, "L", false, 0, "")
		}
		x += cols[i].w
	}
	r.drawColor(lightGrey)
	p.SetLineWidth(0.2)
	p.Line(margin, y+h, pageW-margin, y+h)
	p.SetXY(margin, y+h)
}

// widths scales relative column widths to the content width.
func widths(titles []string, rel ...float64) []column {
	sum := 0.0
	for _, w := range rel {
		sum += w
	}
	cols := make([]column, len(rel))
	for i, w := range rel {
		cols[i] = column{title: titles[i], w: contentW * w / sum}
	}
	return cols
}

// wrap breaks s into lines that fit a cell of width w in the current font, at spaces and
// newlines; a word wider than a line is broken between characters. Unlike fpdf's SplitText
// it never breaks at a no-break space, so "80 %" stays on one line. s must be cleaned.
func (r *renderer) wrap(s string, w float64) []string {
	p := r.pdf
	w -= 2 * p.GetCellMargin()
	if s == "" {
		return nil
	}
	space := p.GetStringWidth(" ")
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW, empty := 0.0, true
		for _, word := range strings.Split(para, " ") {
			if word == "" {
				continue
			}
			ww := p.GetStringWidth(word)
			if !empty && lineW+space+ww <= w {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if !empty {
				out = append(out, line.String())
				line.Reset()
			}
			for ww > w {
				n := r.fitPrefix(word, w)
				out = append(out, word[:n])
				word = word[n:]
				ww = p.GetStringWidth(word)
			}
			line.WriteString(word)
			lineW, empty = ww, false
		}
		out = append(out, line.String())
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// fitPrefix returns how many bytes of word fit in w, at least one rune's worth.
func (r *renderer) fitPrefix(word string, w float64) int {
	width := 0.0
	for i, c := range word {
		width += r.pdf.GetStringWidth(string(c))
		if width > w {
			if i == 0 {
				_, size := utf8.DecodeRuneInString(word)
				return size
			}
			return i
		}
	}
	return len(word)
}
