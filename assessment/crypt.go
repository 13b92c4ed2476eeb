package assessment

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/scrypt"

	"gdprtjek/checklists"
	"gdprtjek/i18n"
)

// A passphrase-protected exchange file is a small JSON envelope around the exchange file:
// AES-256-GCM with a key derived from the passphrase by scrypt. docs/exchange-format.md
// documents it.
const (
	EncryptedFormat  = "gdprtjek-exchange-encrypted"
	EncryptedVersion = 1
	kdfScrypt        = "scrypt"
)

// The scrypt cost for new files (2^15, 8, 1: the parameters recommended for interactive use,
// about 32 MiB and a tenth of a second). Reading accepts up to the limits below, so that a
// later version may raise the cost, but a hostile file cannot make us allocate gigabytes.
const (
	scryptN    = 1 << 15
	scryptR    = 8
	scryptP    = 1
	maxScryptN = 1 << 20
	maxScryptR = 16
	maxScryptP = 4
	// scrypt needs 128·N·r bytes; N and r at their limits together would be 2 GiB.
	maxScryptMemory = 256 << 20
	keyLen          = 32 // AES-256
	saltLen         = 16
)

type encryptedFile struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	KDF        string `json:"kdf"`
	N          int    `json:"n"`
	R          int    `json:"r"`
	P          int    `json:"p"`
	Salt       []byte `json:"salt"`  // base64 in JSON
	Nonce      []byte `json:"nonce"` // base64 in JSON
	Ciphertext []byte `json:"ciphertext"`
}

// additionalData binds the envelope's parameters to the ciphertext, so that changing any of
// them fails authentication instead of silently decrypting under other assumptions.
func (f *encryptedFile) additionalData() []byte {
	return fmt.Appendf(nil, "%s/%d/%s/%d/%d/%d", f.Format, f.Version, f.KDF, f.N, f.R, f.P)
}

func gcmFor(passphrase string, f *encryptedFile) (cipher.AEAD, error) {
	key, err := scrypt.Key([]byte(passphrase), f.Salt, f.N, f.R, f.P, keyLen)
	if err != nil {
		return nil, fmt.Errorf("derive key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("aes: %w", err)
	}
	return cipher.NewGCM(block)
}

// EncryptExchange wraps an exchange file (or any data) in a passphrase-protected envelope.
func EncryptExchange(data []byte, passphrase string) ([]byte, error) {
	return encryptWithCost(data, passphrase, scryptN, scryptR, scryptP)
}

// encryptWithCost is EncryptExchange with the scrypt cost given; fuzzing uses a low one.
func encryptWithCost(data []byte, passphrase string, n, r, p int) ([]byte, error) {
	if strings.TrimSpace(passphrase) == "" {
		return nil, i18n.NewError("exchange.passphrase_empty", nil, nil)
	}
	f := encryptedFile{Format: EncryptedFormat, Version: EncryptedVersion, KDF: kdfScrypt,
		N: n, R: r, P: p, Salt: make([]byte, saltLen)}
	if _, err := rand.Read(f.Salt); err != nil {
		return nil, fmt.Errorf("salt: %w", err)
	}
	aead, err := gcmFor(passphrase, &f)
	if err != nil {
		return nil, err
	}
	f.Nonce = make([]byte, aead.NonceSize())
	if _, err := rand.Read(f.Nonce); err != nil {
		return nil, fmt.Errorf("nonce: %w", err)
	}
	f.Ciphertext = aead.Seal(nil, f.Nonce, data, f.additionalData())
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode envelope: %w", err)
	}
	return append(out, '\n'), nil
}

// IsEncryptedExchange reports whether data is a passphrase-protected envelope.
func IsEncryptedExchange(data []byte) bool {
	// Cheap check first: the format name must appear before we parse a possibly large file.
	if !bytes.Contains(data[:min(len(data), 256)], []byte(EncryptedFormat)) {
		return false
	}
	var head struct {
		Format string `json:"format"`
	}
	return json.Unmarshal(data, &head) == nil && head.Format == EncryptedFormat
}

// DecryptExchange opens a passphrase-protected envelope. A wrong passphrase and a changed
// file cannot be told apart (GCM only says the tag does not match); both give
// exchange.wrong_passphrase.
func DecryptExchange(data []byte, passphrase string) ([]byte, error) {
	if len(data) > MaxExchangeFileSize {
		return nil, exchangeTooLarge()
	}
	var f encryptedFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, i18n.NewError("exchange.damaged", nil, err)
	}
	if f.Format != EncryptedFormat {
		return nil, i18n.NewError("exchange.not_exchange", nil, nil)
	}
	if f.Version != EncryptedVersion {
		return nil, i18n.NewError("exchange.version_unsupported", i18n.Args{"Version": f.Version, "Supported": EncryptedVersion}, nil)
	}
	if f.KDF != kdfScrypt || f.N < 2 || f.N > maxScryptN || f.N&(f.N-1) != 0 ||
		f.R < 1 || f.R > maxScryptR || f.P < 1 || f.P > maxScryptP || 128*f.N*f.R > maxScryptMemory || len(f.Salt) < 8 {
		return nil, i18n.NewError("exchange.damaged", nil, errors.New("unsupported key derivation parameters"))
	}
	if strings.TrimSpace(passphrase) == "" {
		return nil, i18n.NewError("exchange.passphrase_required", nil, nil)
	}
	aead, err := gcmFor(passphrase, &f)
	if err != nil {
		return nil, err
	}
	if len(f.Nonce) != aead.NonceSize() {
		return nil, i18n.NewError("exchange.damaged", nil, errors.New("bad nonce length"))
	}
	// Decrypted in place: a large file is not held a third time.
	plain, err := aead.Open(f.Ciphertext[:0], f.Nonce, f.Ciphertext, f.additionalData())
	if err != nil {
		return nil, i18n.NewError("exchange.wrong_passphrase", nil, err)
	}
	return plain, nil
}

// ImportProtected imports an exchange file that may be passphrase-protected: an encrypted
// one is opened with passphrase first (nothing is imported when that fails); a plain one is
// imported as ImportExchange does, whatever the passphrase.
func (s *Store) ImportProtected(ctx context.Context, set *checklists.Set, data []byte, passphrase string, replace bool) (int64, error) {
	if IsEncryptedExchange(data) {
		plain, err := DecryptExchange(data, passphrase)
		if err != nil {
			return 0, err
		}
		data = plain
	}
	return s.ImportExchange(ctx, set, data, replace)
}
