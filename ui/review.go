package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partneryste/data"
	"partneryste/data/syncclient"
	"partneryste/data/wire"
)

// RecordRole stores in the profile whether the connection test found a
// coordinator's token, which shows or hides the review and publication
// sections. It returns true when the stored role changed.
func RecordRole(store data.Store, who wire.WhoAmIResponse) (bool, error) {
	p, err := store.Profile()
	if err != nil {
		return false, fmt.Errorf("record role: %w", err)
	}
	coordinator := who.Role == wire.RoleCoordinator
	if p.Coordinator == coordinator {
		return false, nil
	}
	p.Coordinator = coordinator
	if err := store.SaveProfile(p); err != nil {
		return false, fmt.Errorf("record role: %w", err)
	}
	return true, nil
}

// isCoordinator reports whether the open profile belongs to the
// coordinator. A profile that cannot be read counts as an association's.
func isCoordinator(env *Env) bool {
	p, err := env.Store.Profile()
	if err != nil {
		env.Log.Warn("read profile for the role", "err", err)
		return false
	}
	return p.Coordinator
}

// associationDirectory is a store that keeps the network's association
// names from the last sync; *boltstore.DB is one.
type associationDirectory interface {
	AssociationNames() (map[string]string, error)
}

// associationNames returns the names of the network's associations by id:
// the directory stored by the last sync, and the open profile's own name,
// which is known before the first sync.
func associationNames(env *Env) map[string]string {
	names := map[string]string{}
	if dir, ok := env.Store.(associationDirectory); ok {
		stored, err := dir.AssociationNames()
		if err != nil {
			env.Log.Warn("read association names", "err", err)
		} else {
			names = stored
		}
	}
	p, err := env.Store.Profile()
	if err == nil && !p.Coordinator && p.AssociationID != "" && p.Name != "" && names[p.AssociationID] == "" {
		names[p.AssociationID] = p.Name
	}
	return names
}

// associationLabel returns the association's name, or its id when the
// directory has no name for it (before the first sync).
func associationLabel(names map[string]string, id string) string {
	if name := names[id]; name != "" {
		return name
	}
	return id
}

// tokenIDPattern matches the token ids that reviews stored as their
// reviewer before tokens had display names, and that unnamed tokens still
// store.
var tokenIDPattern = regexp.MustCompile(`^t[0-9a-f]{12}$`)

// reviewerLabel returns the reviewer to show: the stored name, or the
// coordinator role's label for a token id or an empty reviewer.
func reviewerLabel(reviewer string) string {
	if reviewer == "" || tokenIDPattern.MatchString(reviewer) {
		return T("practice.reviewer_coordinator")
	}
	return reviewer
}

// reviewStatuses are the statuses the review queue can list.
var reviewStatuses = []data.CaseStatus{data.CaseSubmitted, data.CaseReturned, data.CaseApproved, data.CasePublished}

// reviewer sends review decisions to the server and pulls the result, one
// at a time, off the UI goroutine. It owns its goroutines, and Close waits
// for them.
type reviewer struct {
	env *Env
	// newClient builds the client from the saved sync settings.
	newClient func() (*syncclient.Client, error)

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newReviewer(env *Env) *reviewer {
	ctx, cancel := context.WithCancel(context.Background())
	r := &reviewer{env: env, ctx: ctx, cancel: cancel}
	r.newClient = r.clientFromSettings
	return r
}

func (r *reviewer) clientFromSettings() (*syncclient.Client, error) {
	if r.env.Sync == nil {
		return nil, syncclient.ErrNoSettings
	}
	settings, err := r.env.Sync.Settings()
	if err != nil {
		return nil, err
	}
	return syncclient.New(syncclient.Options{ServerURL: settings.ServerURL, Token: settings.Token, Logger: r.env.Log})
}

// errPullAfterReview wraps a failed pull after a review that the server
// stored.
var errPullAfterReview = errors.New("the review was stored but the pull after it failed")

// send posts req for the case id and then syncs the store, so that the
// local copy shows the new status and history. While it runs no other
// sync starts. done runs on the UI goroutine.
func (r *reviewer) send(id string, req wire.ReviewRequest, done func(error)) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		err := r.sendAndPull(id, req)
		fyne.Do(func() { done(err) })
	}()
}

func (r *reviewer) sendAndPull(id string, req wire.ReviewRequest) error {
	client, err := r.newClient()
	if err != nil {
		return err
	}
	defer client.Close()

	if _, err := client.Review(r.ctx, id, req); err != nil {
		r.env.Log.Warn("review failed", "case", id, "status", req.Status, "err", err)
		return err
	}
	r.env.Log.Info("case reviewed", "case", id, "status", req.Status)

	store, ok := r.env.Store.(syncclient.Store)
	if !ok {
		return fmt.Errorf("%w: the store cannot sync", errPullAfterReview)
	}
	pull := func() error {
		_, err := syncclient.NewSyncer(client, store, syncclient.SyncOptions{Logger: r.env.Log}).Sync(r.ctx, nil)
		return err
	}
	if r.env.Sync != nil {
		err = r.env.Sync.WithoutSync(pull)
	} else {
		err = pull()
	}
	if err != nil {
		return fmt.Errorf("%w: %w", errPullAfterReview, err)
	}
	return nil
}

// wait blocks until every review sent so far has ended and its done
// function has run. Tests use it in place of sleeping.
func (r *reviewer) wait() { r.wg.Wait() }

// Close cancels a running review and waits for it.
func (r *reviewer) Close() {
	r.cancel()
	r.wg.Wait()
}

// reviewErrorText returns the translated message for a failed review.
func reviewErrorText(err error) string {
	var reqErr *syncclient.RequestError
	errors.As(err, &reqErr)
	switch {
	case errors.Is(err, errPullAfterReview):
		return T("review.error.pull_failed")
	case errors.Is(err, syncclient.ErrNoSettings), errors.Is(err, syncclient.ErrSettings):
		return T("review.error.no_settings")
	case errors.Is(err, syncclient.ErrUnreachable):
		return T("review.error.offline")
	case errors.Is(err, syncclient.ErrUnauthorized), errors.Is(err, syncclient.ErrForbidden):
		return T("review.error.forbidden")
	case reqErr != nil && reqErr.Status == http.StatusConflict:
		return T("review.error.conflict")
	case reqErr != nil && reqErr.Status == http.StatusNotFound:
		return T("review.error.not_found")
	case reqErr != nil && reqErr.Status == http.StatusUnprocessableEntity:
		return T("review.error.invalid")
	case errors.Is(err, syncclient.ErrServer), errors.Is(err, syncclient.ErrProtocol), errors.Is(err, syncclient.ErrRejected):
		return T("review.error.server")
	default:
		return T("review.error.local")
	}
}

// reviewScreen is the coordinator's review queue: cases of every
// association filtered by association, subject, level and status, and one
// case read-only with a comment box beside each section.
type reviewScreen struct {
	env      *Env
	reviewer *reviewer

	associationFilter *stringSelect
	subjectFilter     *stringSelect
	levelFilter       *enumSelect
	statusFilter      *enumSelect
	count             *widget.Label
	list              *widget.List
	rows              []data.CaseSummary
	// names maps association ids to names, read on every refresh, and
	// rowAssociation maps each listed case's id to its association id.
	// filterIDs maps the association filter's labels to ids.
	names          map[string]string
	rowAssociation map[string]string
	filterIDs      map[string]string

	// current is the case on show, or nil.
	current  *data.PracticeCase
	heading  *widget.Label
	details  *widget.Label
	sections *fyne.Container
	// sectionText and sectionComment hold each section's text and the
	// coordinator's comment on it, by the section's JSON name.
	sectionText    map[string]*widget.Label
	sectionComment map[string]*widget.Entry
	comment        *widget.Entry
	review         *widget.Label
	history        *widget.Label
	message        *widget.Label
	approve        *widget.Button
	returnCase     *widget.Button
	publish        *widget.Button
	// busy is set while a review is on its way.
	busy bool

	detail fyne.CanvasObject
	root   fyne.CanvasObject
}

func newReviewScreen(env *Env) *reviewScreen {
	s := &reviewScreen{env: env, reviewer: newReviewer(env)}

	s.associationFilter = newStringSelect(T("review.filter.any_association"), func(string) { s.refresh() })
	s.subjectFilter = newStringSelect(T("practice.filter.any_subject"), func(string) { s.refresh() })
	s.levelFilter = newEnumSelect("level", enumStrings(data.EducationLevels), T("practice.filter.any_level"), func(string) { s.refresh() })
	s.statusFilter = newEnumSelect("practice.status", enumStrings(reviewStatuses), "", func(string) { s.refresh() })
	s.count = widget.NewLabel("")

	s.list = newRowsList(&s.rows, newTwoLineRow, s.showRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.rows) {
			s.open(s.rows[id].ID)
		}
	}

	s.heading = widget.NewLabel("")
	s.heading.TextStyle = fyne.TextStyle{Bold: true}
	s.heading.Wrapping = fyne.TextWrapWord
	s.details = widget.NewLabel("")
	s.details.Wrapping = fyne.TextWrapWord
	s.sectionText = map[string]*widget.Label{}
	s.sectionComment = map[string]*widget.Entry{}
	s.sections = container.NewVBox()
	for _, sec := range (&data.PracticeCase{}).Sections() {
		name := widget.NewLabel(FieldName(data.KindPractice, sec.Field))
		name.TextStyle = fyne.TextStyle{Bold: true}
		text := widget.NewLabel("")
		text.Wrapping = fyne.TextWrapWord
		comment := widget.NewMultiLineEntry()
		comment.Wrapping = fyne.TextWrapWord
		comment.SetPlaceHolder(T("review.section_comment"))
		comment.SetMinRowsVisible(2)
		s.sectionText[sec.Field] = text
		s.sectionComment[sec.Field] = comment
		s.sections.Add(container.NewVBox(name, container.NewGridWithColumns(2, text, comment)))
	}
	s.comment = widget.NewMultiLineEntry()
	s.comment.Wrapping = fyne.TextWrapWord
	s.comment.SetPlaceHolder(T("review.comment"))
	s.comment.SetMinRowsVisible(3)
	s.review = widget.NewLabel("")
	s.review.Wrapping = fyne.TextWrapWord
	s.history = widget.NewLabel("")
	s.history.Wrapping = fyne.TextWrapWord
	s.message = newMessageLabel()

	s.approve = widget.NewButton(T("review.approve"), func() { s.decide(data.CaseApproved) })
	s.approve.Importance = widget.HighImportance
	s.returnCase = widget.NewButton(T("review.return"), func() { s.decide(data.CaseReturned) })
	s.publish = widget.NewButton(T("review.publish"), func() { s.decide(data.CasePublished) })

	actions := container.NewHBox(s.approve, s.returnCase, s.publish)
	s.detail = container.NewVScroll(container.NewVBox(
		s.heading, s.details, s.review, s.sections,
		widget.NewLabel(T("review.comment_heading")), s.comment,
		s.message, actions, s.history,
	))
	s.detail.Hide()

	filters := container.NewVBox(
		container.NewGridWithColumns(2, s.statusFilter.Select, s.associationFilter.Select),
		container.NewGridWithColumns(2, s.subjectFilter.Select, s.levelFilter.Select),
		s.count,
	)
	split := container.NewHSplit(container.NewBorder(filters, nil, nil, nil, s.list), s.detail)
	split.Offset = 0.33
	s.root = split

	// Selecting the status runs refresh, which needs every widget.
	s.statusFilter.setValue(string(data.CaseSubmitted))
	return s
}

func (s *reviewScreen) content() fyne.CanvasObject { return s.root }

// showRow fills a queue row: the title, then the association's name
// before the authors, subject and status.
func (s *reviewScreen) showRow(item fyne.CanvasObject, c data.CaseSummary) {
	association := associationLabel(s.names, s.rowAssociation[c.ID])
	showTwoLineRow(item, c.Title, association+" · "+caseDetails(c))
}

// refresh reloads the queue and the case on show from the store.
func (s *reviewScreen) refresh() {
	all, err := s.env.Store.PracticeCases(data.CaseFilter{})
	if err != nil {
		s.env.Log.Error("list practice cases for review", "err", err)
		s.count.SetText(T("practice.list_failed"))
		return
	}
	s.subjectFilter.setOptions(caseSubjects(all))

	rows, err := s.env.Store.PracticeCases(data.CaseFilter{
		Status:  data.CaseStatus(s.statusFilter.value()),
		Subject: s.subjectFilter.value(),
		Level:   data.EducationLevel(s.levelFilter.value()),
	})
	if err != nil {
		s.env.Log.Error("list practice cases for review", "err", err)
		s.count.SetText(T("practice.list_failed"))
		return
	}

	// Summaries carry no association, so the queue reads it from each
	// listed case. The queue holds the cases waiting for one decision,
	// which stays small next to the whole bank.
	s.names = associationNames(s.env)
	s.rowAssociation = map[string]string{}
	associations := map[string]bool{}
	chosen := s.filterIDs[s.associationFilter.value()]
	listed := rows[:0]
	for _, row := range rows {
		c, err := s.env.Store.PracticeCase(row.ID)
		if err != nil {
			s.env.Log.Error("read case for the review queue", "case", row.ID, "err", err)
			continue
		}
		associations[c.Association] = true
		if chosen == "" || c.Association == chosen {
			listed = append(listed, row)
			s.rowAssociation[row.ID] = c.Association
		}
	}
	s.setAssociationOptions(associations)

	s.rows = listed
	s.count.SetText(TN("practice.count", len(listed)))
	s.list.UnselectAll()
	s.list.Refresh()

	if s.current != nil {
		s.open(s.current.ID)
	}
}

// setAssociationOptions offers the associations of the listed cases by
// name in Lithuanian order. Two associations with the same name get their
// ids added, so that each label picks one association.
func (s *reviewScreen) setAssociationOptions(associations map[string]bool) {
	count := map[string]int{}
	for id := range associations {
		count[associationLabel(s.names, id)]++
	}
	s.filterIDs = map[string]string{}
	labels := make([]string, 0, len(associations))
	for id := range associations {
		label := associationLabel(s.names, id)
		if count[label] > 1 {
			label += " (" + id + ")"
		}
		s.filterIDs[label] = id
		labels = append(labels, label)
	}
	slices.SortFunc(labels, data.CompareLT)
	s.associationFilter.setOptions(labels)
}

// open shows one case read-only with its review and history. The typed
// comments stay when the same case is reloaded, as after a sync.
func (s *reviewScreen) open(id string) {
	c, err := s.env.Store.PracticeCase(id)
	if err != nil {
		if !errors.Is(err, data.ErrNotFound) {
			s.env.Log.Error("open case for review", "case", id, "err", err)
		}
		s.current = nil
		s.detail.Hide()
		return
	}
	if s.current == nil || s.current.ID != id {
		s.comment.SetText("")
		for _, e := range s.sectionComment {
			e.SetText("")
		}
		setMessage(s.message, "")
	}
	s.current = &c

	s.heading.SetText(c.Title)
	s.details.SetText(caseFacts(c, associationLabel(associationNames(s.env), c.Association)))
	for _, sec := range c.Sections() {
		s.sectionText[sec.Field].SetText(*sec.Text)
	}
	s.review.SetText(reviewText(c.Review))
	s.history.SetText(historyText(c))
	s.updateActions()
	s.detail.Show()
}

// caseFacts returns the case's short fields, one per line, with the
// association's name as association.
func caseFacts(c data.PracticeCase, association string) string {
	var authors []string
	for _, a := range c.Authors {
		authors = append(authors, strings.TrimSpace(a.Name+", "+a.School))
	}
	var levels []string
	for _, l := range c.Levels {
		levels = append(levels, EnumLabel("level", string(l)))
	}
	lines := []string{
		FieldName(data.KindPractice, "association") + ": " + association,
		FieldName(data.KindPractice, "status") + ": " + EnumLabel("practice.status", string(c.Status)),
		FieldName(data.KindPractice, "authors") + ": " + strings.Join(authors, "; "),
		FieldName(data.KindPractice, "subject") + ": " + c.Subject,
		FieldName(data.KindPractice, "levels") + ": " + strings.Join(levels, ", "),
		FieldName(data.KindPractice, "grades") + ": " + c.Grades,
		FieldName(data.KindPractice, "keywords") + ": " + strings.Join(c.Keywords, ", "),
		FieldName(data.KindPractice, "licence") + ": " + c.Licence,
	}
	return strings.Join(lines, "\n")
}

// reviewText describes one review: its status, reviewer, time, general
// comment and section comments.
func reviewText(r *data.Review) string {
	if r == nil {
		return T("review.none")
	}
	lines := []string{
		T("practice.review", map[string]any{"Status": EnumLabel("practice.status", string(r.Status))}),
		T("practice.review_by", map[string]any{"Reviewer": reviewerLabel(r.Reviewer), "Time": formatReviewTime(r)}),
	}
	if r.Comment != "" {
		lines = append(lines, r.Comment)
	}
	for _, sec := range (&data.PracticeCase{}).Sections() {
		if comment := r.SectionComments[sec.Field]; comment != "" {
			lines = append(lines, FieldName(data.KindPractice, sec.Field)+": "+comment)
		}
	}
	return strings.Join(lines, "\n")
}

// historyText lists the earlier reviews of c, newest first.
func historyText(c data.PracticeCase) string {
	if len(c.History) == 0 {
		return ""
	}
	parts := []string{T("practice.review_history")}
	for i := len(c.History) - 1; i >= 0; i-- {
		r := c.History[i]
		parts = append(parts, "• "+reviewText(&r))
	}
	return strings.Join(parts, "\n")
}

// formatReviewTime writes a review's time in Europe/Vilnius as
// yyyy-mm-dd hh:mm.
func formatReviewTime(r *data.Review) string {
	return r.At.In(data.Vilnius).Format("2006-01-02 15:04")
}

// updateActions enables the decisions that the case on show can take: a
// published case can be reopened as approved or returned, and only an
// approved case can be published.
func (s *reviewScreen) updateActions() {
	buttons := []*widget.Button{s.approve, s.returnCase, s.publish}
	for _, b := range buttons {
		b.Disable()
	}
	if s.current == nil || s.busy {
		return
	}
	switch s.current.Status {
	case data.CaseSubmitted:
		s.approve.Enable()
		s.returnCase.Enable()
	case data.CaseReturned:
		s.approve.Enable()
	case data.CaseApproved:
		s.returnCase.Enable()
		s.publish.Enable()
	case data.CasePublished:
		s.approve.Enable()
		s.returnCase.Enable()
	}
}

// request returns the review request for status from the comments typed.
func (s *reviewScreen) request(status data.CaseStatus) wire.ReviewRequest {
	req := wire.ReviewRequest{
		Status:       status,
		Comment:      strings.TrimSpace(s.comment.Text),
		BaseRevision: s.current.Revision,
	}
	for field, e := range s.sectionComment {
		if text := strings.TrimSpace(e.Text); text != "" {
			if req.SectionComments == nil {
				req.SectionComments = map[string]string{}
			}
			req.SectionComments[field] = text
		}
	}
	return req
}

// decide sends the decision for the case on show. Returning a case needs
// a general comment that tells the association what to revise.
func (s *reviewScreen) decide(status data.CaseStatus) {
	if s.current == nil || s.busy {
		return
	}
	req := s.request(status)
	if status == data.CaseReturned && req.Comment == "" {
		setMessage(s.message, T("review.error.comment_required"))
		return
	}

	s.busy = true
	s.updateActions()
	setMessage(s.message, "")
	s.message.Importance = widget.MediumImportance
	s.message.SetText(T("review.sending"))
	s.message.Show()
	id := s.current.ID
	s.reviewer.send(id, req, func(err error) { s.onDecided(id, err) })
}

// onDecided shows the outcome of a decision. A failed request leaves the
// case and the typed comments as they were.
func (s *reviewScreen) onDecided(id string, err error) {
	s.busy = false
	s.message.Importance = widget.DangerImportance
	if err != nil && !errors.Is(err, errPullAfterReview) {
		setMessage(s.message, reviewErrorText(err))
		s.updateActions()
		return
	}

	if s.current != nil && s.current.ID == id {
		s.comment.SetText("")
		for _, e := range s.sectionComment {
			e.SetText("")
		}
	}
	s.refresh()
	if s.current != nil && s.current.ID == id {
		s.open(id)
	}
	if err != nil {
		setMessage(s.message, reviewErrorText(err))
		return
	}
	s.message.Importance = widget.SuccessImportance
	s.message.SetText(T("review.done"))
	s.message.Show()
}

func (s *reviewScreen) dirty() bool { return false }
func (s *reviewScreen) save() error { return nil }
func (s *reviewScreen) discard()    {}
func (s *reviewScreen) onNew()      {}
func (s *reviewScreen) onFind()     {}
