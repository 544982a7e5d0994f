package data

// TODO: placeholder until validation lands; every record passes.
func (e *Event) Validate() error        { return nil }
func (c *PracticeCase) Validate() error { return nil }
func (c *Consultation) Validate() error { return nil }

func (e *Event) SearchText() string        { return e.Title + "\n" + e.Description }
func (c *PracticeCase) SearchText() string { return c.Title + "\n" + c.Summary }
func (c *Consultation) SearchText() string { return c.Topic + "\n" + c.Question }
