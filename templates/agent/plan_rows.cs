<?cs # The rows of planned actions on a form (m1_title ... m6_due,
       cgi/agent/review_forms.c): measure, quantified target, resources,
       department, owner, start, deadline; blank rows are left out. Included by the
       minutes and drill forms. ?>
<ol class="plan-rows">
<?cs loop:i = 1, Rows.measures, 1 ?><?cs set:p = "m" + i + "_" ?>
  <li class="plan-row">
    <?cs call:field(p + "title", L.Review.Action.Measure, "", "text", 0, 500) ?>
    <?cs call:field(p + "target", L.Review.Action.Target, L.Review.Action.TargetHelp, "text", 0, 500) ?>
    <?cs call:field(p + "resources", L.Review.Action.Resources, "", "text", 0, 500) ?>
    <?cs call:plan_select(p + "team", L.Review.Action.Team, Teams) ?>
    <?cs call:plan_select(p + "owner", L.Review.Action.Owner, People) ?>
    <?cs call:field(p + "start", L.Review.Action.Start, L.Review.Action.StartHelp, "date", 0, 10) ?>
    <?cs call:field(p + "due", L.Review.Action.Due, "", "date", 0, 10) ?>
  </li>
<?cs /loop ?>
</ol>
