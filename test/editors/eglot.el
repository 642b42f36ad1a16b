;;; eglot.el --- Headless Emacs with eglot as a shuzhi client -*- lexical-binding: t -*-
;; Opens a draft, records the diagnostics the server publishes, applies a quick fix, then turns a rule
;; off through eglot-workspace-configuration; writes what it saw as JSON for test/editors/eglot.test.ts.
;; Debian's elpa-eglot is activated by package.el, as in any user's Emacs.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'json)
(unless (fboundp 'markdown-mode) (define-derived-mode markdown-mode text-mode "Markdown"))

(defvar shuzhi-published nil "The diagnostics of the last publishDiagnostics, as received.")

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (setq shuzhi-published diagnostics))

(defun shuzhi-wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun shuzhi-rules ()
  (mapcar (lambda (diagnostic) (plist-get diagnostic :code)) shuzhi-published))

(setq eglot-server-programs `((markdown-mode . ("node" ,(getenv "SHUZHI_SERVER") "--stdio"))))
(setq-default eglot-workspace-configuration '(:shuzhi (:scope "all")))

(let ((seen (list :errors [])))
  (condition-case failure
      (progn
        (find-file (getenv "SHUZHI_DRAFT"))
        (markdown-mode)
        (apply #'eglot (eglot--guess-contact))
        (unless (shuzhi-wait (lambda () shuzhi-published) 20) (error "no diagnostics"))
        (setq seen (plist-put seen :diagnostics
                              (vconcat (mapcar (lambda (diagnostic)
                                                 (list :line (1+ (plist-get (plist-get (plist-get diagnostic :range) :start) :line))
                                                       :rule (plist-get diagnostic :code)
                                                       :message (plist-get diagnostic :message)))
                                               shuzhi-published))))
        ;; The quick fix for the first ordinal-style finding (1、 → 1.).
        (let* ((target (seq-find (lambda (diagnostic) (equal (plist-get diagnostic :code) "ordinal-style")) shuzhi-published))
               (start (plist-get (plist-get target :range) :start)))
          (goto-char (point-min))
          (forward-line (plist-get start :line))
          (forward-char (plist-get start :character))
          (let* ((actions (eglot-code-actions (point) (1+ (point)) "quickfix"))
                 (fix (seq-find (lambda (action) (string-prefix-p "改为" (plist-get action :title))) actions)))
            (eglot--apply-workspace-edit (plist-get fix :edit))
            (setq seen (plist-put seen :fixedLine (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))
        ;; A rule turned off in the client's settings.
        (setq shuzhi-published nil)
        (setq-default eglot-workspace-configuration '(:shuzhi (:scope "all" :rules (:ordinal-style "off"))))
        (eglot-signal-didChangeConfiguration (eglot-current-server))
        (setq seen (plist-put seen :ruleOff
                              (if (shuzhi-wait (lambda () (and shuzhi-published (not (member "ordinal-style" (shuzhi-rules))))) 20) t :json-false))))
    (error (setq seen (plist-put seen :errors (vector (error-message-string failure))))))
  (with-temp-file (getenv "SHUZHI_OUT")
    (insert (json-encode seen))))
(kill-emacs 0)
