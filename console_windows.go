//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

// attachConsole makes a GUI-subsystem program (built with -H=windowsgui, so double-clicking
// opens no console window) print in the cmd.exe or PowerShell window it was started from:
// Windows gives such a program no standard handles, so --help, demo, report and errors would
// print nothing. Handles the shell did give (output redirected to a file or a pipe) are kept.
// Without a parent console (double-clicked), AttachConsole fails and nothing changes.
func attachConsole() {
	outOK, errOK := validStd(syscall.STD_OUTPUT_HANDLE), validStd(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	if ok, _, _ := attach.Call(uintptr(attachParentProcess)); ok == 0 {
		return
	}
	name, err := syscall.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	if !outOK {
		os.Stdout = os.NewFile(uintptr(h), "CONOUT$")
	}
	if !errOK {
		os.Stderr = os.NewFile(uintptr(h), "CONOUT$")
	}
}

func validStd(which int) bool {
	h, err := syscall.GetStdHandle(which)
	return err == nil && h != 0 && h != syscall.InvalidHandle
}
