;;; eglot.el --- Headless Emacs with eglot as a shuzhi client -*- lexical-binding: t -*-
;; Loads the README's setup (SHUZHI_CONFIG), opens a draft and a note as a user does, records the
;; diagnostics the server publishes, applies a quick fix, then turns a rule off by changing
;; eglot-workspace-configuration; writes what it saw as JSON for test/editors/eglot.test.ts.
;; Debian's elpa-eglot and elpa-markdown-mode are activated by package.el, as in any user's Emacs.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'json)

(defvar shuzhi-published (make-hash-table :test #'equal) "The last diagnostics published for each URI.")

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (puthash uri diagnostics shuzhi-published))

(defun shuzhi-diagnostics ()
  (gethash (eglot--path-to-uri (buffer-file-name)) shuzhi-published))

(defun shuzhi-wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun shuzhi-open (file)
  "Visit FILE as a user does: the README's hook calls eglot-ensure, which connects after the command."
  (find-file file)
  (run-hooks 'post-command-hook)
  (unless (shuzhi-wait (lambda () (shuzhi-diagnostics)) 20) (error "no diagnostics for %s" file))
  (vconcat (mapcar (lambda (diagnostic)
                     (list :line (1+ (plist-get (plist-get (plist-get diagnostic :range) :start) :line))
                           :rule (plist-get diagnostic :code)
                           :message (plist-get diagnostic :message)))
                   (shuzhi-diagnostics))))

(load (getenv "SHUZHI_CONFIG") nil t)

(let ((seen (list :errors [])))
  (condition-case failure
      (progn
        (setq seen (plist-put seen :diagnostics (shuzhi-open (getenv "SHUZHI_DRAFT"))))
        ;; The quick fix for the first heading-sequence finding (（四） → （三）).
        (let* ((target (seq-find (lambda (diagnostic) (equal (plist-get diagnostic :code) "heading-sequence")) (shuzhi-diagnostics)))
               (start (plist-get (plist-get target :range) :start)))
          (goto-char (point-min))
          (forward-line (plist-get start :line))
          (forward-char (plist-get start :character))
          (let* ((actions (eglot-code-actions (point) (1+ (point)) "quickfix"))
                 (fix (seq-find (lambda (action) (eq (plist-get action :isPreferred) t)) actions)))
            (eglot--apply-workspace-edit (plist-get fix :edit))
            (setq seen (plist-put seen :fixedLine (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))
        ;; A note, checked only because the configuration says scope all.
        (setq seen (plist-put seen :noteDiagnostics (shuzhi-open (getenv "SHUZHI_NOTE"))))
        (find-file (getenv "SHUZHI_DRAFT"))
        ;; A rule turned off later, as a user does: change the configuration and tell the server.
        (puthash (eglot--path-to-uri (buffer-file-name)) nil shuzhi-published)
        (setq-default eglot-workspace-configuration
                      (let ((settings (copy-tree (default-value 'eglot-workspace-configuration))))
                        (plist-put (plist-get settings :shuzhi) :rules
                                   (plist-put (plist-get (plist-get settings :shuzhi) :rules) :placeholder "off"))
                        settings))
        (eglot-signal-didChangeConfiguration (eglot-current-server))
        (setq seen (plist-put seen :ruleOff
                              (if (shuzhi-wait (lambda () (let ((now (shuzhi-diagnostics)))
                                                            (and now (not (seq-find (lambda (d) (equal (plist-get d :code) "placeholder")) now)))))
                                               20)
                                  t :json-false))))
    (error (setq seen (plist-put seen :errors (vector (error-message-string failure))))))
  (with-temp-file (getenv "SHUZHI_OUT")
    (insert (json-encode seen))))
(kill-emacs 0)
