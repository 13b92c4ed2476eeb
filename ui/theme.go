package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices, as saved in preferences.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

var themeChoices = []string{themeSystem, themeLight, themeDark}

// appTheme wraps Fyne's theme to force light or dark and to scale sizes for workshop mode.
type appTheme struct {
	variant string  // themeSystem, themeLight or themeDark
	scale   float32 // 1 normally; larger on a projector
}

func (t appTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return theme.DefaultTheme().Color(name, v)
}

func (t appTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n) * t.scale
}

// applyTheme sets the app's theme from the saved choice and the current scale.
func (u *UI) applyTheme() {
	u.app.Settings().SetTheme(appTheme{variant: u.app.Preferences().StringWithFallback(prefTheme, themeSystem), scale: u.scale})
}
